// The table of visible nodes: an accessible alternative to the canvas. Sortable headers,
// a filter box, ↑ ↓ between rows, Enter or click selects the node.
import { t, type Lang } from '../../i18n.ts';
import { h } from '../../core/dom.ts';

export interface TableRow {
  id: string;
  name: string;
  otherName: string;
  type: string;
  degree: number;
}

type SortKey = 'name' | 'type' | 'degree';

export class NodeTable {
  private sortKey: SortKey = 'degree';
  private descending = true;
  private filterText = '';
  private rows: TableRow[] = [];
  private lang: Lang = 'zh';
  private selected: string | undefined;
  private readonly collator = new Intl.Collator(['zh-Hans-CN-u-co-pinyin', 'en'], { numeric: true });

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: { onSelect: (id: string) => void; onClose: () => void },
  ) {}

  render(rows: TableRow[], lang: Lang, selected: string | undefined): void {
    this.rows = rows;
    this.lang = lang;
    this.selected = selected;
    this.draw();
    this.root.hidden = false;
  }

  private visibleRows(): TableRow[] {
    const needle = this.filterText.trim().toLowerCase();
    const rows = needle
      ? this.rows.filter((r) => `${r.name} ${r.otherName} ${r.type} ${r.id}`.toLowerCase().includes(needle))
      : [...this.rows];
    const sign = this.descending ? -1 : 1;
    rows.sort((a, b) => {
      const primary =
        this.sortKey === 'degree' ? a.degree - b.degree : this.collator.compare(a[this.sortKey], b[this.sortKey]);
      return sign * primary || this.collator.compare(a.name, b.name);
    });
    return rows;
  }

  private draw(): void {
    const lang = this.lang;
    const close = h('button', { class: 'close', type: 'button', 'aria-label': t(lang, 'close') }, '×');
    close.addEventListener('click', this.handlers.onClose);
    const filter = h('input', {
      type: 'search',
      id: 'table-filter',
      placeholder: t(lang, 'tableFilter'),
      'aria-label': t(lang, 'tableFilter'),
    });
    filter.value = this.filterText;
    filter.addEventListener('input', () => {
      this.filterText = filter.value;
      this.drawBody();
    });
    const header = (key: SortKey, label: string) => {
      const sorted = this.sortKey === key;
      const button = h(
        'button',
        { type: 'button', 'data-sort': key },
        label,
        sorted ? (this.descending ? ' ▼' : ' ▲') : '',
      );
      button.addEventListener('click', () => {
        this.descending = this.sortKey === key ? !this.descending : key === 'degree';
        this.sortKey = key;
        this.draw();
      });
      return h(
        'th',
        { scope: 'col', 'aria-sort': sorted ? (this.descending ? 'descending' : 'ascending') : 'none' },
        button,
      );
    };
    this.body = h('tbody', {});
    this.root.replaceChildren(
      close,
      h('h2', {}, t(lang, 'table')),
      filter,
      h(
        'table',
        { id: 'node-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            header('name', t(lang, 'name')),
            header('type', t(lang, 'type')),
            header('degree', t(lang, 'degree')),
          ),
        ),
        this.body,
      ),
    );
    this.drawBody();
  }

  private body: HTMLElement = h('tbody', {});

  private drawBody(): void {
    const rows = this.visibleRows();
    this.body.replaceChildren(
      ...rows.map((row) => {
        const tr = h(
          'tr',
          { tabindex: '0', 'data-node': row.id, 'aria-selected': row.id === this.selected ? 'true' : 'false' },
          h('td', {}, h('span', { class: 'primary' }, row.name), h('span', { class: 'secondary' }, row.otherName)),
          h('td', {}, row.type),
          h('td', { class: 'num' }, row.degree),
        );
        tr.addEventListener('click', () => this.handlers.onSelect(row.id));
        tr.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.handlers.onSelect(row.id);
          } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const next = (
              event.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling
            ) as HTMLElement | null;
            next?.focus();
          }
        });
        return tr;
      }),
    );
  }
}
