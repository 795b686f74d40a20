// The review screen's document form: the text pasted (with an optional title) or a file chosen
// or dropped (.txt, .md, .markdown, .docx, .pdf), the dataset the proposals are for (the one in view, or a
// new one), and the Read button with its progress and errors.
import { DATASET_NAME_PATTERN } from '../../../../domain/dataset-names.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';

/** The files the server reads (server/extract); the file picker and its label list them. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx', '.pdf'];

/** What Read sends: a file, or the pasted text and its title. */
export type DocumentInput = { file: File } | { text: string; name: string | undefined };

export class DocumentForm {
  readonly text = h('textarea', { id: 'review-input-text', rows: '6', spellcheck: 'false' });
  readonly title = h('input', { type: 'text', id: 'review-input-title', maxlength: '200' });
  readonly file = h('input', { type: 'file', id: 'review-file', accept: DOCUMENT_EXTENSIONS.join(',') });
  readonly fileName = h('span', { id: 'review-file-name', class: 'review-file-name' });
  readonly clearFile = h('button', { type: 'button', id: 'review-file-clear', hidden: true });
  readonly intoCurrent = h('input', { type: 'radio', name: 'review-into', id: 'review-into-current', checked: true });
  readonly intoNew = h('input', { type: 'radio', name: 'review-into', id: 'review-into-new' });
  readonly newName = h('input', {
    type: 'text',
    id: 'review-new-dataset',
    pattern: '[a-z0-9][a-z0-9_\\-]{0,62}',
    maxlength: '63',
    autocomplete: 'off',
  });
  readonly read = h('button', { type: 'button', id: 'review-read', class: 'primary' });
  readonly element: HTMLDetailsElement;
  private readonly labels = {
    summary: h('summary'),
    text: h('span'),
    title: h('span'),
    file: h('span'),
    into: h('span'),
    current: h('span'),
    new: h('span'),
  };
  private chosen: File | undefined;

  constructor(private readonly current: () => string) {
    const l = this.labels;
    this.element = h(
      'details',
      { id: 'review-input', class: 'review-input', open: true },
      l.summary,
      h('label', { class: 'review-field review-text-field' }, l.text, this.text),
      h('label', { class: 'review-field' }, l.title, this.title),
      h(
        'div',
        { class: 'review-field' },
        h('label', { for: 'review-file' }, l.file),
        this.file,
        this.fileName,
        this.clearFile,
      ),
      h(
        'fieldset',
        { class: 'review-field review-into' },
        h('legend', {}, l.into),
        h('label', {}, this.intoCurrent, l.current),
        h('label', {}, this.intoNew, l.new, this.newName),
      ),
      h('div', { class: 'review-form-actions' }, this.read),
    );
    this.file.addEventListener('change', () => this.choose(this.file.files?.[0]));
    this.clearFile.addEventListener('click', () => this.choose(undefined));
    this.newName.addEventListener('input', () => (this.intoNew.checked = true));
    this.element.addEventListener('dragover', (event) => event.preventDefault());
    this.element.addEventListener('drop', (event) => {
      event.preventDefault();
      const dropped = event.dataTransfer?.files[0];
      if (dropped) this.choose(dropped);
    });
  }

  /** A file chosen or dropped is what Read sends (until cleared); undefined: back to the text. */
  choose(file: File | undefined): void {
    this.chosen = file;
    if (!file) this.file.value = '';
    this.fileName.textContent = file ? file.name : '';
    this.clearFile.hidden = !file;
    this.text.disabled = file !== undefined;
    this.title.disabled = file !== undefined;
  }

  relabel(lang: Lang): void {
    const l = this.labels;
    l.summary.textContent = t(lang, 'reviewDocument');
    l.text.textContent = t(lang, 'reviewText');
    this.text.placeholder = t(lang, 'reviewTextPlaceholder');
    l.title.textContent = t(lang, 'reviewDocTitle');
    l.file.textContent = t(lang, 'reviewFile', { formats: DOCUMENT_EXTENSIONS.join(' ') });
    this.clearFile.textContent = t(lang, 'reviewFileClear');
    l.into.textContent = t(lang, 'reviewInto');
    l.current.textContent = t(lang, 'reviewIntoCurrent', { dataset: this.current() });
    l.new.textContent = t(lang, 'reviewIntoNew');
    this.newName.setAttribute('aria-label', t(lang, 'reviewIntoNew'));
    this.read.textContent = t(lang, 'reviewRead');
  }

  /** What a kept reading was read from, back in the form: its pasted text and title, its dataset. */
  restore(
    document: { format: string; text: string },
    target: { dataset: string; create: boolean },
    title?: string,
  ): void {
    this.choose(undefined);
    // A file's text is not put in the box: read again from there it would be pasted text.
    this.text.value = document.format === 'text' ? document.text : '';
    this.title.value = title ?? '';
    this.intoNew.checked = target.create;
    this.intoCurrent.checked = !target.create;
    this.newName.value = target.create ? target.dataset : '';
  }

  /** The empty form, for the dataset in view. */
  clear(): void {
    this.restore({ format: 'text', text: '' }, { dataset: '', create: false });
  }

  /** The document to read, or the reason there is none yet. */
  input(): DocumentInput | { missing: true } {
    if (this.chosen) return { file: this.chosen };
    const text = this.text.value;
    if (text.trim() === '') return { missing: true };
    return { text, name: this.title.value.trim() || undefined };
  }

  /** The dataset the proposals are for, and whether it is a new one; undefined: a bad name. */
  target(): { dataset: string; create: boolean } | undefined {
    if (!this.intoNew.checked) return { dataset: this.current(), create: false };
    const name = this.newName.value.trim();
    return DATASET_NAME_PATTERN.test(name) ? { dataset: name, create: true } : undefined;
  }
}
