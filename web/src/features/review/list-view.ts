// The proposals beside the text, grouped (named entities, counted groups, figures, relations),
// one focusable row each. Keys on the focused row: ↑ ↓ Home End move, a accepts, e edits,
// x rejects, u sets it back to pending. The row in focus (or under the pointer) is marked in the
// text. Rows are updated in place, so focus and scrolling stay where they are; a decision
// redraws only the rows it touched (a long document has thousands). Once the accepted items are
// written, the rows stay as they were and take no decision (the keys still move).
import type { NodeType, RelationType } from '../../../../domain/ontology.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang, type StringKey } from '../../i18n.ts';
import type { RelationItem, ReviewModel } from './model.ts';
import { entityForm, entityRow, noteLine, relationForm, relationRow, type RowAction } from './rows.ts';

export interface ListHandlers {
  act(id: string, action: Exclude<RowAction, 'edit'>): void;
  saveEntity(id: string, edit: { name: string; type: NodeType; keepTextName: boolean }): void;
  saveRelation(id: string, edit: { source: string; target: string; type: RelationType }): void;
  /** The proposal to mark in the text (focused, hovered); `scroll`: bring it into view. */
  show(id: string | undefined, scroll: boolean): void;
}

const KEY_ACTIONS: Record<string, RowAction> = { a: 'accept', e: 'edit', x: 'reject', u: 'reset' };

export class ProposalList {
  readonly element = h('div', { id: 'review-list', class: 'review-list' });
  private rows = new Map<string, HTMLLIElement>();
  private model: ReviewModel | undefined;
  private lang: Lang = 'zh';
  private editing: string | undefined;
  private current: string | undefined;
  private hovered: string | undefined;
  private readonly notes = new Map<string, { text: string; bad: boolean }>();

  constructor(private readonly handlers: ListHandlers) {
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.element.addEventListener('focusin', (event) => {
      const row = (event.target as HTMLElement).closest<HTMLLIElement>('li.review-row');
      if (row?.dataset.id && row.dataset.id !== this.current) this.setCurrent(row.dataset.id, false);
    });
    this.element.addEventListener('mouseover', (event) => {
      const id = (event.target as HTMLElement).closest<HTMLLIElement>('li.review-row')?.dataset.id;
      if (id === undefined || id === this.hovered) return;
      this.hovered = id;
      this.handlers.show(id, true);
    });
    this.element.addEventListener('mouseleave', () => {
      this.hovered = undefined;
      this.handlers.show(this.current, false);
    });
  }

  /** Lists a new reading's proposals (or again, in another language). */
  render(model: ReviewModel, lang: Lang): void {
    if (model !== this.model) {
      this.notes.clear();
      this.editing = undefined;
      this.current = undefined;
    }
    this.model = model;
    this.lang = lang;
    this.rows = new Map();
    const groups = model.groups();
    const section = (key: StringKey, kind: string, ids: string[]) =>
      h(
        'section',
        { class: 'review-group', 'data-group': kind },
        h('h3', {}, `${t(lang, key)} (${ids.length})`),
        ids.length > 0
          ? h('ul', {}, ...ids.map((id) => this.row(id, kind)))
          : h('p', { class: 'hint' }, t(lang, 'reviewNone')),
      );
    const groupsInOrder: [StringKey, string, { proposal: { id: string } }[]][] = [
      ['reviewNamed', 'named', groups.named],
      ['reviewGroups', 'group', groups.groups],
      ['reviewFigures', 'indicator', groups.figures],
      ['reviewRelations', 'relation', groups.relations],
    ];
    this.element.replaceChildren(
      ...groupsInOrder.map(([key, kind, items]) =>
        section(
          key,
          kind,
          items.map((item) => item.proposal.id),
        ),
      ),
    );
    this.refresh();
    const first = [...this.rows.values()][0];
    if (first) first.tabIndex = 0;
  }

  private row(id: string, kind: string): HTMLLIElement {
    const li = h('li', { class: 'review-row', 'data-id': id, 'data-kind': kind, tabindex: '-1' });
    this.rows.set(id, li);
    return li;
  }

  /** Draws rows again from the model: those named (the rows a decision touched), or every one. */
  refresh(ids?: Iterable<string>): void {
    for (const id of ids ?? this.rows.keys()) this.fill(id);
  }

  private fill(id: string): void {
    const li = this.rows.get(id);
    const model = this.model;
    if (!li || !model) return;
    const ctx = { model, lang: this.lang, note: this.notes.get(id), act: (x: string, a: RowAction) => this.act(x, a) };
    const entity = model.entity(id);
    const relation = model.relation(id);
    const item = entity ?? relation;
    if (!item) return;
    li.dataset.decision = item.decision;
    li.classList.toggle('current', id === this.current);
    const body = entity ? entityRow(entity, ctx) : relation ? relationRow(relation, ctx) : [];
    const handlers = {
      saveEntity: (edit: Parameters<ListHandlers['saveEntity']>[1]) => this.handlers.saveEntity(id, edit),
      saveRelation: (edit: Parameters<ListHandlers['saveRelation']>[1]) => this.handlers.saveRelation(id, edit),
      cancel: () => this.stopEditing(id),
    };
    // A form being filled in is kept as it is when the rows are drawn again (not once written).
    if (this.editing === id && model.written) this.editing = undefined;
    let form: HTMLFormElement | null = null;
    if (this.editing === id)
      form =
        li.querySelector<HTMLFormElement>('form.review-form') ??
        (entity
          ? entityForm(entity, this.lang, handlers)
          : relationForm(item as RelationItem, model, this.lang, handlers));
    li.replaceChildren(...body.filter((x) => x !== null), ...[noteLine(ctx.note), form].filter((x) => x !== null));
  }

  /** Says what a decision did (or why it was refused) under its row. */
  note(id: string, text: string | undefined, bad = false): void {
    if (text === undefined) this.notes.delete(id);
    else this.notes.set(id, { text, bad });
    this.fill(id);
  }

  act(id: string, action: RowAction): void {
    if (this.model?.written) return;
    if (action === 'edit') {
      this.editing = id;
      this.fill(id);
      this.rows.get(id)?.querySelector<HTMLElement>('input, select')?.focus();
      return;
    }
    this.handlers.act(id, action);
    // The row keeps the focus after a click on one of its buttons (they are drawn again).
    this.focusRow(id);
  }

  /** The edit is over (saved or cancelled): the row is drawn as a row again, in focus. */
  stopEditing(id: string): void {
    if (this.editing === id) this.editing = undefined;
    this.fill(id);
    this.focusRow(id);
  }

  isEditing(id: string): boolean {
    return this.editing === id;
  }

  focusRow(id: string): void {
    const li = this.rows.get(id);
    if (!li) return;
    this.setCurrent(id, true);
    li.focus({ preventScroll: true });
    li.scrollIntoView({ block: 'nearest' });
  }

  private setCurrent(id: string, scroll: boolean): void {
    for (const [other, li] of this.rows) {
      li.tabIndex = other === id ? 0 : -1;
      li.classList.toggle('current', other === id);
    }
    this.current = id;
    this.handlers.show(id, scroll || this.hovered === undefined);
  }

  /** Marks the rows of the proposals a clicked sentence holds, and focuses the first. */
  pick(ids: readonly string[]): void {
    for (const [id, li] of this.rows) li.classList.toggle('in-sentence', ids.includes(id));
    if (ids[0] !== undefined) this.focusRow(ids[0]);
  }

  private onKey(event: KeyboardEvent): void {
    const li = event.target as HTMLElement;
    const id = li.dataset.id;
    if (!li.matches('li.review-row') || id === undefined || event.ctrlKey || event.metaKey || event.altKey) {
      if (event.key === 'Escape' && this.editing !== undefined && li.closest('form')) {
        // Esc in a form ends the edit, not the dialog.
        event.preventDefault();
        this.stopEditing(this.editing);
      }
      return;
    }
    const order = [...this.rows.keys()];
    const at = order.indexOf(id);
    const move: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: order.length - 1 };
    const to = move[event.key];
    const action = KEY_ACTIONS[event.key];
    if (to !== undefined) {
      const next = order[Math.max(0, Math.min(order.length - 1, to))];
      if (next !== undefined) this.focusRow(next);
    } else if (action) this.act(id, action);
    else return;
    event.preventDefault();
  }

  clear(): void {
    this.model = undefined;
    this.rows = new Map();
    this.element.replaceChildren();
  }
}
