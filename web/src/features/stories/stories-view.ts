// The stories panel's DOM: the dataset's stories (built-in ones marked) with the forms to start
// or import one, and a story open: its titles, its steps (the one shown with its texts to edit),
// the buttons to add, move and delete steps, play, save, export, copy and delete. Everything
// from data is written as text.
import type { Story, StorySummary } from '../../../../domain/story.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang, type StringKey } from '../../i18n.ts';
import { stepText, storyTitle } from './model.ts';

export interface ListHandlers {
  onOpen(id: string): void;
  onCreate(id: string, titleZh: string, titleEn: string): void;
  onImportFile(file: File): void;
  onImport(id: string): void;
  onClose(): void;
}

export interface StoryHandlers {
  onBack(): void;
  onClose(): void;
  onGo(step: number): void;
  onMove(step: number, delta: number): void;
  onDeleteStep(step: number): void;
  onAddStep(): void;
  onRecapture(step: number): void;
  /** A text of the story (`step` undefined) or of a step changed. */
  onText(step: number | undefined, key: string, value: string): void;
  onPlay(): void;
  onSave(): void;
  onExport(): void;
  onCopy(id: string): void;
  onDelete(): void;
}

export interface OpenStory {
  story: Story;
  /** The step shown, 1-based. */
  step: number | undefined;
  dirty: boolean;
  /** Stored on the server (a new one is not until saved). */
  saved: boolean;
  /** The id a copy of a built-in story would get. */
  copyId: string;
  /** The delete button was pressed once and now asks to be pressed again. */
  confirmDelete: boolean;
}

const button = (id: string | undefined, text: string, attrs: Record<string, string> = {}) =>
  h('button', { type: 'button', ...(id ? { id } : {}), ...attrs }, text);

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'story-field' }, h('span', {}, label), input);
}

function textInput(id: string, value: string, max: number, attrs: Record<string, string | boolean> = {}) {
  return h('input', { type: 'text', id, value, maxlength: String(max), autocomplete: 'off', ...attrs });
}

function header(lang: Lang, onClose: () => void): HTMLElement[] {
  const close = button('stories-close', '×', { class: 'close', 'aria-label': t(lang, 'close') });
  close.addEventListener('click', onClose);
  return [close, h('h2', { id: 'stories-heading' }, t(lang, 'stories'))];
}

/** The list of the dataset's stories, a form for a new one and one to import a file. */
export function renderList(
  root: HTMLElement,
  stories: readonly StorySummary[] | undefined,
  lang: Lang,
  importId: string,
  handlers: ListHandlers,
): void {
  const items = (stories ?? []).map((s) => {
    const open = button(undefined, storyTitle(s, lang), { class: 'story-open', 'data-story': s.id });
    open.addEventListener('click', () => handlers.onOpen(s.id));
    return h(
      'li',
      {},
      open,
      s.builtin ? h('span', { class: 'story-builtin' }, t(lang, 'storyBuiltin')) : null,
      h('span', { class: 'count' }, t(lang, 'storySteps', { n: s.steps })),
    );
  });
  const empty = stories === undefined ? t(lang, 'storyLoading') : t(lang, 'storiesNone');
  root.replaceChildren(
    ...header(lang, handlers.onClose),
    items.length > 0 ? h('ul', { id: 'story-list', class: 'story-list' }, ...items) : h('p', { class: 'hint' }, empty),
    newStoryForm(lang, handlers),
    importForm(lang, importId, handlers),
    h('p', { id: 'story-status', class: 'story-status', role: 'status' }),
  );
}

function newStoryForm(lang: Lang, handlers: ListHandlers): HTMLElement {
  const id = textInput('story-new-id', '', 64, { pattern: '[a-z0-9][a-z0-9\\-]{0,63}', required: true });
  const zh = textInput('story-new-title-zh', '', 120);
  const en = textInput('story-new-title-en', '', 120);
  const create = button('story-new-create', t(lang, 'storyNewCreate'));
  create.addEventListener('click', () => handlers.onCreate(id.value.trim(), zh.value.trim(), en.value.trim()));
  return h(
    'details',
    { class: 'story-form', id: 'story-new' },
    h('summary', {}, t(lang, 'storyNew')),
    field(t(lang, 'storyId'), id),
    field(t(lang, 'storyTitleZh'), zh),
    field(t(lang, 'storyTitleEn'), en),
    create,
  );
}

function importForm(lang: Lang, importId: string, handlers: ListHandlers): HTMLElement {
  const file = h('input', { type: 'file', id: 'story-import-file', accept: '.json,application/json' });
  const id = textInput('story-import-id', importId, 64);
  const go = button('story-import', t(lang, 'storyImport'));
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) handlers.onImportFile(chosen);
  });
  go.addEventListener('click', () => handlers.onImport(id.value.trim()));
  return h(
    'details',
    { class: 'story-form', id: 'story-import-form', open: importId !== '' },
    h('summary', {}, t(lang, 'storyImport')),
    field(t(lang, 'storyImportFile'), file),
    field(t(lang, 'storyImportId'), id),
    go,
  );
}

/** A story open: its actions, titles and steps. */
export function renderStory(root: HTMLElement, open: OpenStory, lang: Lang, handlers: StoryHandlers): void {
  const { story } = open;
  const back = button('story-back', t(lang, 'storyBack'), { class: 'link-button' });
  back.addEventListener('click', handlers.onBack);
  const readOnly = story.builtin === true;
  const parts: (HTMLElement | null)[] = [
    ...header(lang, handlers.onClose),
    back,
    h(
      'h3',
      { id: 'story-heading' },
      storyTitle(story, lang),
      readOnly ? h('span', { class: 'story-builtin' }, t(lang, 'storyBuiltin')) : null,
    ),
    storyActions(open, lang, handlers),
    readOnly ? h('p', { class: 'hint' }, t(lang, 'storyReadOnly')) : storyTitles(story, lang, handlers),
    stepList(open, lang, handlers),
    readOnly ? null : addStepButton(lang, handlers),
    h('p', { id: 'story-status', class: 'story-status', role: 'status' }, open.dirty ? t(lang, 'storyUnsaved') : ''),
  ];
  root.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
}

function storyActions(open: OpenStory, lang: Lang, handlers: StoryHandlers): HTMLElement {
  const readOnly = open.story.builtin === true;
  const act = (id: string, key: StringKey, run: () => void, attrs: Record<string, string> = {}) => {
    const b = button(id, t(lang, key), attrs);
    b.addEventListener('click', run);
    return b;
  };
  const actions: HTMLElement[] = [
    act('story-play', 'storyPlay', handlers.onPlay, open.story.steps.length === 0 ? { disabled: '' } : {}),
    act('story-export', 'storyExport', handlers.onExport),
  ];
  if (readOnly) {
    const id = textInput('story-copy-id', open.copyId, 64, { 'aria-label': t(lang, 'storyCopyId') });
    actions.push(
      id,
      act('story-copy', 'storyCopy', () => handlers.onCopy(id.value.trim())),
    );
  } else {
    actions.push(act('story-save', 'storySave', handlers.onSave, { class: open.dirty ? 'primary' : '' }));
    if (open.saved)
      actions.push(
        act('story-delete', open.confirmDelete ? 'storyDeleteConfirm' : 'storyDelete', handlers.onDelete, {
          class: 'danger',
        }),
      );
  }
  return h('div', { class: 'story-actions' }, ...actions);
}

function storyTitles(story: Story, lang: Lang, handlers: StoryHandlers): HTMLElement {
  const input = (key: 'title_zh' | 'title_en', label: StringKey) => {
    const el = textInput(`story-${key.replace('_', '-')}`, story[key], 120);
    el.addEventListener('input', () => handlers.onText(undefined, key, el.value));
    return field(t(lang, label), el);
  };
  return h('div', { class: 'story-titles' }, input('title_zh', 'storyTitleZh'), input('title_en', 'storyTitleEn'));
}

function addStepButton(lang: Lang, handlers: StoryHandlers): HTMLElement {
  const add = button('story-add-step', t(lang, 'storyAddStep'), { class: 'primary' });
  add.addEventListener('click', handlers.onAddStep);
  return add;
}

function stepList(open: OpenStory, lang: Lang, handlers: StoryHandlers): HTMLElement {
  const { story } = open;
  if (story.steps.length === 0) return h('p', { class: 'hint', id: 'story-steps' }, t(lang, 'storyEmpty'));
  const readOnly = story.builtin === true;
  const items = story.steps.map((step, i) => {
    const n = i + 1;
    const current = open.step === n;
    const title = stepText(step, lang).title || t(lang, 'stepUntitled', { n });
    const go = button(undefined, `${n}. ${title}`, { class: 'step-go', 'aria-current': current ? 'step' : 'false' });
    go.addEventListener('click', () => handlers.onGo(n));
    const tools = readOnly ? [] : stepTools(n, story.steps.length, lang, handlers);
    return h(
      'li',
      { class: current ? 'story-step current' : 'story-step', 'data-step': String(n) },
      h('div', { class: 'step-head' }, go, ...tools),
      current && !readOnly ? stepEditor(story.steps[i]!, n, lang, handlers) : null,
      current && readOnly ? stepReader(story.steps[i]!, lang) : null,
    );
  });
  return h('ol', { id: 'story-steps', class: 'story-steps' }, ...items);
}

function stepTools(n: number, count: number, lang: Lang, handlers: StoryHandlers): HTMLElement[] {
  const tool = (cls: string, text: string, label: StringKey, run: () => void, disabled: boolean) => {
    const b = button(undefined, text, { class: `step-tool ${cls}`, 'aria-label': t(lang, label, { n }) });
    b.title = t(lang, label, { n });
    if (disabled) b.disabled = true;
    b.addEventListener('click', run);
    return b;
  };
  return [
    tool('step-up', '↑', 'stepUp', () => handlers.onMove(n, -1), n === 1),
    tool('step-down', '↓', 'stepDown', () => handlers.onMove(n, 1), n === count),
    tool('step-delete', '✕', 'stepDelete', () => handlers.onDeleteStep(n), false),
  ];
}

const STEP_FIELDS = [
  ['title_zh', 'storyTitleZh', 120, false],
  ['title_en', 'storyTitleEn', 120, false],
  ['caption_zh', 'storyCaptionZh', 600, true],
  ['caption_en', 'storyCaptionEn', 600, true],
  ['notes', 'storyNotes', 4000, true],
] as const;

function stepEditor(step: Story['steps'][number], n: number, lang: Lang, handlers: StoryHandlers): HTMLElement {
  const fields = STEP_FIELDS.map(([key, label, max, long]) => {
    const id = `step-${key.replace('_', '-')}`;
    const value = step[key] ?? '';
    const input = long
      ? h('textarea', { id, maxlength: String(max), rows: key === 'notes' ? '3' : '2' }, value)
      : textInput(id, value, max);
    input.addEventListener('input', () => handlers.onText(n, key, input.value));
    return field(t(lang, label), input);
  });
  const recapture = button('step-recapture', t(lang, 'storyRecapture'));
  recapture.addEventListener('click', () => handlers.onRecapture(n));
  return h('div', { class: 'step-editor' }, ...fields, recapture);
}

function stepReader(step: Story['steps'][number], lang: Lang): HTMLElement {
  const { caption } = stepText(step, lang);
  return h('p', { class: 'step-caption' }, caption);
}

/** A message under the panel's content (a failure, a confirmation). */
export function showStatus(root: HTMLElement, message: string, bad = false): void {
  const status = root.querySelector<HTMLElement>('#story-status');
  if (!status) return;
  status.textContent = message;
  status.classList.toggle('bad', bad);
}
