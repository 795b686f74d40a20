// One proposal's row in the review list: what it says (name, type, figure, confidence, the node
// it merges into; for a relation its ends, type and cue), its state, its buttons (accept, edit,
// reject, undo) and, while edited, its form. Every name from the document goes in as text.
import { NODE_TYPE_NAMES, RELATION_TYPE_NAMES, type NodeType, type RelationType } from '../../../../domain/ontology.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang, type StringKey } from '../../i18n.ts';
import { confidenceText, figureText, nodeTypeLabel, relationText, relationTypeLabel } from './labels.ts';
import type { EntityItem, Outcome, RelationItem, ReviewModel } from './model.ts';

export type RowAction = 'accept' | 'edit' | 'reject' | 'reset' | 'unlink' | 'link';

export interface RowContext {
  model: ReviewModel;
  lang: Lang;
  /** A message under the row (what a decision also did, why it was refused). */
  note: { text: string; bad: boolean } | undefined;
  act(id: string, action: RowAction): void;
}

const STATE_MARK = { pending: '•', accepted: '✓', rejected: '✗' } as const;
const STATE_TEXT = { pending: 'reviewPending', accepted: 'reviewAccepted', rejected: 'reviewRejected' } as const;

function actionButtons(id: string, ctx: RowContext, decision: string, blocked?: string): HTMLElement {
  const { lang } = ctx;
  // Written: the decisions are closed (a new reading goes on), every button is off.
  const closed = ctx.model.written;
  const make = (action: RowAction, key: StringKey, shortcut: string, attrs: Record<string, string | boolean> = {}) => {
    const b = h(
      'button',
      { type: 'button', class: `review-${action}`, title: `${t(lang, key)} (${shortcut})`, ...attrs },
      t(lang, key),
    );
    if (closed) b.disabled = true;
    b.addEventListener('click', () => ctx.act(id, action));
    return b;
  };
  return h(
    'div',
    { class: 'review-actions' },
    make('accept', 'reviewAccept', 'a', {
      disabled: blocked !== undefined || decision === 'accepted',
      ...(blocked !== undefined ? { title: blocked } : {}),
    }),
    make('edit', 'reviewEdit', 'e'),
    make('reject', 'reviewReject', 'x', { disabled: decision === 'rejected' }),
    decision !== 'pending' ? make('reset', 'reviewUndo', 'u') : null,
  );
}

function stateBadge(decision: 'pending' | 'accepted' | 'rejected', edited: boolean, lang: Lang): HTMLElement {
  return h(
    'span',
    { class: 'review-state', title: t(lang, STATE_TEXT[decision]) },
    `${STATE_MARK[decision]} ${t(lang, STATE_TEXT[decision])}${edited ? ` · ${t(lang, 'reviewEdited')}` : ''}`,
  );
}

/** The node it merges into (with a button to make it a new node instead), or that link undone. */
function mergeBadge(item: EntityItem, ctx: RowContext): HTMLElement | null {
  const matched = item.proposal.merge;
  if (!matched) return null;
  const { lang } = ctx;
  const linked = item.merge !== undefined;
  const toggle = h(
    'button',
    { type: 'button', class: linked ? 'review-unlink' : 'review-link', disabled: ctx.model.written },
    t(lang, linked ? 'reviewUnlink' : 'reviewRelink'),
  );
  toggle.addEventListener('click', () => ctx.act(item.proposal.id, linked ? 'unlink' : 'link'));
  return h(
    'span',
    { class: `review-merge${linked ? '' : ' unlinked'}`, 'data-merge': matched.id },
    h(
      'span',
      { class: 'review-merge-text' },
      t(lang, linked ? 'reviewMerge' : 'reviewNewNode', { name: matched.name }),
    ),
    toggle,
  );
}

export function entityRow(item: EntityItem, ctx: RowContext): (HTMLElement | null)[] {
  const { lang } = ctx;
  const p = item.proposal;
  const figure = figureText(item);
  return [
    h(
      'div',
      { class: 'review-row-head' },
      stateBadge(item.decision, item.edited, lang),
      h('span', { class: 'review-name' }, item.name),
      h('span', { class: 'review-type' }, nodeTypeLabel(item.type)),
      figure ? h('span', { class: 'review-figure' }, figure) : null,
      h('span', { class: 'review-confidence' }, t(lang, 'reviewConfidence', { value: confidenceText(p.confidence) })),
    ),
    mergeBadge(item, ctx),
    actionButtons(p.id, ctx, item.decision),
  ];
}

export function relationRow(item: RelationItem, ctx: RowContext): (HTMLElement | null)[] {
  const { lang, model } = ctx;
  const p = item.proposal;
  const blockedEnd = model.blockedBy(item);
  const blocked = blockedEnd !== undefined ? t(lang, 'reviewBlocked', { name: model.label(blockedEnd) }) : undefined;
  return [
    h(
      'div',
      { class: 'review-row-head' },
      stateBadge(item.decision, item.edited, lang),
      h('span', { class: 'review-name' }, relationText(model.label(item.source), item.type, model.label(item.target))),
      p.cue ? h('span', { class: 'review-cue' }, t(lang, 'reviewCue', { cue: p.cue })) : null,
      h('span', { class: 'review-confidence' }, t(lang, 'reviewConfidence', { value: confidenceText(p.confidence) })),
    ),
    blocked !== undefined ? h('p', { class: 'review-blocked' }, blocked) : null,
    actionButtons(p.id, ctx, item.decision, blocked),
  ];
}

export function noteLine(note: RowContext['note']): HTMLElement | null {
  return note ? h('p', { class: `review-note${note.bad ? ' bad' : ''}`, role: 'status' }, note.text) : null;
}

/** Why an edit or an accept was refused, in words. */
export function refusal(outcome: Outcome, model: ReviewModel, lang: Lang): string | undefined {
  if (outcome.ok) return undefined;
  if (outcome.reason === 'end-rejected') return t(lang, 'reviewBlocked', { name: model.label(outcome.end) });
  if (outcome.reason === 'same-ends') return t(lang, 'reviewSameEnds');
  if (outcome.reason === 'empty-name') return t(lang, 'reviewEmptyName');
  return undefined;
}

export interface FormHandlers {
  saveEntity(edit: { name: string; type: NodeType; keepTextName: boolean }): void;
  saveRelation(edit: { source: string; target: string; type: RelationType }): void;
  cancel(): void;
}

function formButtons(lang: Lang, handlers: FormHandlers): HTMLElement {
  const save = h('button', { type: 'submit', class: 'review-save primary' }, t(lang, 'reviewSave'));
  const cancel = h('button', { type: 'button', class: 'review-cancel' }, t(lang, 'reviewCancel'));
  cancel.addEventListener('click', () => handlers.cancel());
  return h('div', { class: 'review-form-actions' }, save, cancel);
}

/** The form that edits an entity: name, type, and whether the text's name stays an alias. */
export function entityForm(item: EntityItem, lang: Lang, handlers: FormHandlers): HTMLFormElement {
  const name = h('input', { type: 'text', class: 'review-edit-name', maxlength: '200', required: true });
  name.value = item.name;
  const type = h(
    'select',
    { class: 'review-edit-type' },
    ...NODE_TYPE_NAMES.map((x) => h('option', { value: x, selected: x === item.type }, nodeTypeLabel(x))),
  );
  const keep = h('input', { type: 'checkbox', class: 'review-edit-keep', checked: item.keepTextName });
  const form = h(
    'form',
    { class: 'review-form' },
    h('label', {}, h('span', {}, t(lang, 'reviewName')), name),
    h('label', {}, h('span', {}, t(lang, 'reviewType')), type),
    h('label', { class: 'review-keep' }, keep, t(lang, 'reviewKeepName', { name: item.proposal.name })),
    formButtons(lang, handlers),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.saveEntity({ name: name.value, type: type.value as NodeType, keepTextName: keep.checked });
  });
  return form;
}

/** The form that edits a relation: its two ends (any entity not rejected), a swap, its type. */
export function relationForm(
  item: RelationItem,
  model: ReviewModel,
  lang: Lang,
  handlers: FormHandlers,
): HTMLFormElement {
  const ends = (cls: string, chosen: string) =>
    h(
      'select',
      { class: cls },
      ...model
        .entities()
        .map((e) =>
          h(
            'option',
            { value: e.proposal.id, selected: e.proposal.id === chosen, disabled: e.decision === 'rejected' },
            `${e.name} (${nodeTypeLabel(e.type)})${e.decision === 'rejected' ? ` — ${t(lang, 'reviewRejected')}` : ''}`,
          ),
        ),
    );
  const source = ends('review-edit-source', item.source);
  const target = ends('review-edit-target', item.target);
  const swap = h('button', { type: 'button', class: 'review-swap' }, t(lang, 'reviewSwap'));
  swap.addEventListener('click', () => ([source.value, target.value] = [target.value, source.value]));
  const type = h(
    'select',
    { class: 'review-edit-reltype' },
    ...RELATION_TYPE_NAMES.map((x) => h('option', { value: x, selected: x === item.type }, relationTypeLabel(x))),
  );
  const form = h(
    'form',
    { class: 'review-form' },
    h('label', {}, h('span', {}, t(lang, 'reviewFrom')), source),
    swap,
    h('label', {}, h('span', {}, t(lang, 'reviewTo')), target),
    h('label', {}, h('span', {}, t(lang, 'reviewRelType')), type),
    formButtons(lang, handlers),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.saveRelation({ source: source.value, target: target.value, type: type.value as RelationType });
  });
  return form;
}
