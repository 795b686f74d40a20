// The search box: instant results from /api/search (Chinese, English, aliases, pinyin,
// initials), keyboard navigation (↑ ↓ Enter Esc), and a callback when a result is chosen.
import type { GraphDataSource } from '../../data/source.ts';
import type { SearchHit } from '../../data/types.ts';
import { t, type Lang } from '../../i18n.ts';
import { h } from '../../core/dom.ts';

export interface SearchBoxOptions {
  source: GraphDataSource;
  dataset: () => string;
  lang: () => Lang;
  typeName: (type: string) => string;
  onChoose: (id: string) => void;
  /** Element ids are `${idPrefix}-input`, `${idPrefix}-results`, `${idPrefix}-option-N`. */
  idPrefix?: string;
}

export class SearchBox {
  readonly root: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private results: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;

  private readonly prefix: string;

  constructor(private readonly options: SearchBoxOptions) {
    this.prefix = options.idPrefix ?? 'search';
    this.input = h('input', {
      type: 'search',
      id: `${this.prefix}-input`,
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${this.prefix}-results`,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.list = h('ul', { id: `${this.prefix}-results`, role: 'listbox', hidden: true });
    this.root = h('div', { class: 'search' }, this.input, this.list);
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.relabel();
  }

  relabel(): void {
    const lang = this.options.lang();
    this.input.placeholder = t(lang, 'searchPlaceholder');
    this.input.setAttribute('aria-label', t(lang, 'search'));
    // An open list follows the language; a closed one stays closed (choosing a result changes
    // the view, which relabels everything).
    if (!this.list.hidden && this.results.length > 0) this.render();
  }

  focus(): void {
    this.input.focus();
  }

  setValue(text: string): void {
    this.input.value = text;
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), 120);
  }

  private async run(): Promise<void> {
    const q = this.input.value.trim();
    const request = ++this.request;
    if (!q) {
      this.results = [];
      this.close();
      return;
    }
    try {
      const results = await this.options.source.search(this.options.dataset(), q, 12);
      if (request !== this.request) return;
      this.results = results;
      this.active = results.length > 0 ? 0 : -1;
      this.render();
    } catch {
      if (request === this.request) {
        this.results = [];
        this.render();
      }
    }
  }

  private render(): void {
    const lang = this.options.lang();
    if (this.results.length === 0) {
      this.list.replaceChildren(
        h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, t(lang, 'noResults')),
      );
    } else {
      this.list.replaceChildren(
        ...this.results.map((hit, i) => {
          const primary = lang === 'zh' ? hit.name_zh : hit.name_en;
          const secondary = lang === 'zh' ? hit.name_en : hit.name_zh;
          const item = h(
            'li',
            {
              role: 'option',
              id: `${this.prefix}-option-${i}`,
              'data-node': hit.id,
              'aria-selected': i === this.active ? 'true' : 'false',
              class: i === this.active ? 'active' : undefined,
            },
            h('span', { class: 'primary' }, primary),
            h('span', { class: 'secondary' }, secondary),
            h('span', { class: 'kind' }, this.options.typeName(hit.type)),
          );
          item.addEventListener('mousedown', (event) => {
            event.preventDefault();
            this.choose(i);
          });
          return item;
        }),
      );
    }
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.prefix}-option-${this.active}`);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.results.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.results.length) % this.results.length;
      this.render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.active >= 0) this.choose(this.active);
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  private choose(index: number): void {
    const hit = this.results[index];
    if (!hit) return;
    this.input.value = this.options.lang() === 'zh' ? hit.name_zh : hit.name_en;
    this.close();
    this.options.onChoose(hit.id);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
