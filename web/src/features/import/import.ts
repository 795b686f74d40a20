// Import: an upload dialog for CSV (nodes + edges, or edges only), XLSX, JSON, GEXF and GraphML.
// "Check" asks the server for a dry run: the problems in a table (nothing is written while there
// are any), unknown types as a mapping form, or what would be added, matched and in conflict.
// "Import" then writes all or nothing, with upload progress, and shows the dataset.
import { button, h } from '../../core/dom.ts';
import type { Feature, FeatureContext } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { t, type Lang } from '../../i18n.ts';
import { mappingForm, problemsTable, summaryView } from './dialog-view.ts';
import type { ImportAnswer, ImportForm } from './types.ts';
import { sendImport, type SendFiles } from './upload.ts';

/** Where the admin token is kept for the tab (sessionStorage); the stories panel uses it too. */
export const TOKEN_KEY = 'explorer-admin-token';
const ENCODINGS = ['', 'utf-8', 'gb18030', 'gbk', 'utf-16le', 'utf-16be'];

/** A dataset name from a file name: lower-case letters, digits, - and _. */
export function datasetNameFrom(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60);
  return base || 'import';
}

function dialogElements(lang: Lang) {
  const files = h('input', {
    type: 'file',
    id: 'import-files',
    multiple: true,
    accept: '.csv,.tsv,.txt,.xlsx,.json,.gexf,.graphml,.xml',
  });
  const dataset = h('input', {
    type: 'text',
    id: 'import-dataset',
    required: true,
    pattern: '[a-z0-9][a-z0-9_\\-]{0,62}',
  });
  const mode = h(
    'select',
    { id: 'import-mode' },
    ...(['new', 'replace', 'merge'] as const).map((m) => h('option', { value: m }, m)),
  );
  const encoding = h(
    'select',
    { id: 'import-encoding' },
    ...ENCODINGS.map((e) => h('option', { value: e }, e || 'auto')),
  );
  const token = h('input', { type: 'password', id: 'import-token', autocomplete: 'off' });
  const check = h('button', { type: 'button', id: 'import-check' });
  const confirm = h('button', { type: 'button', id: 'import-confirm', disabled: true });
  const close = h(
    'button',
    { type: 'button', class: 'close', id: 'import-close', 'aria-label': t(lang, 'close') },
    '×',
  );
  const bar = h('div', { class: 'progress-bar' });
  const progress = h('div', { class: 'progress-track', id: 'import-progress', hidden: true }, bar);
  const results = h('div', { id: 'import-results', 'aria-live': 'polite' });
  const labels = {
    files: h('span'),
    dataset: h('span'),
    mode: h('span'),
    encoding: h('span'),
    token: h('span'),
    title: h('h2'),
  };
  const field = (label: HTMLElement, input: HTMLElement) => h('label', { class: 'import-field' }, label, input);
  const root = h(
    'dialog',
    { id: 'import-dialog', class: 'panel import-dialog' },
    close,
    labels.title,
    field(labels.files, files),
    field(labels.dataset, dataset),
    field(labels.mode, mode),
    field(labels.encoding, encoding),
    field(labels.token, token),
    h('div', { class: 'import-actions' }, check, confirm),
    progress,
    results,
  );
  return { root, files, dataset, mode, encoding, token, check, confirm, close, bar, progress, results, labels };
}

type Dialog = ReturnType<typeof dialogElements>;

function relabel(d: Dialog, lang: Lang): void {
  d.labels.title.textContent = t(lang, 'importTitle');
  d.labels.files.textContent = t(lang, 'importFiles');
  d.labels.dataset.textContent = t(lang, 'importDataset');
  d.labels.mode.textContent = t(lang, 'importMode');
  d.labels.encoding.textContent = t(lang, 'importEncoding');
  d.labels.token.textContent = t(lang, 'importToken');
  d.check.textContent = t(lang, 'importCheck');
  d.confirm.textContent = t(lang, 'importConfirm');
  const modes = { new: 'importModeNew', replace: 'importModeReplace', merge: 'importModeMerge' } as const;
  for (const option of d.mode.options) option.textContent = t(lang, modes[option.value as keyof typeof modes]);
}

export function importFeature<S extends CoreState>(): Feature<S> {
  return {
    id: 'import',
    mount(ctx) {
      // A read-only source (the offline bundle) takes no import: no button, no dialog.
      const sendFiles = ctx.source.importFiles?.bind(ctx.source);
      if (!sendFiles) return {};
      const open = button('import-open');
      ctx.chrome.place('toolbar', open, 45);
      const d = dialogElements(ctx.store.get().lang);
      document.body.append(d.root);
      const session = new ImportSession(ctx, d, sendFiles);
      open.addEventListener('click', () => session.open());
      const label = () => {
        open.textContent = t(ctx.store.get().lang, 'importOpen');
        relabel(d, ctx.store.get().lang);
      };
      label();
      const unsubscribe = ctx.store.subscribe((next, previous) => {
        if (next.lang !== previous.lang) label();
      });
      return {
        dispose() {
          unsubscribe();
          d.root.remove();
        },
      };
    },
  };
}

/** One use of the dialog: the form, the last check and the mapping chosen. */
class ImportSession<S extends CoreState> {
  private mapping: (() => ImportForm['mapping']) | undefined;

  constructor(
    private readonly ctx: FeatureContext<S>,
    private readonly d: Dialog,
    private readonly sendFiles: SendFiles,
  ) {
    d.close.addEventListener('click', () => d.root.close());
    d.files.addEventListener('change', () => this.filesChosen());
    d.mode.addEventListener('change', () => this.modeChosen());
    for (const input of [d.dataset, d.encoding, d.token]) input.addEventListener('change', () => this.invalidate());
    d.check.addEventListener('click', () => void this.send(true));
    d.confirm.addEventListener('click', () => void this.send(false));
  }

  open(): void {
    this.d.token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
    this.d.root.showModal();
  }

  private lang(): Lang {
    return this.ctx.store.get().lang;
  }

  private filesChosen(): void {
    const first = this.d.files.files?.[0];
    if (first && this.d.mode.value !== 'merge') this.d.dataset.value = datasetNameFrom(first.name);
    this.mapping = undefined;
    this.invalidate();
  }

  private modeChosen(): void {
    if (this.d.mode.value === 'merge') this.d.dataset.value = this.ctx.store.get().dataset;
    this.invalidate();
  }

  /** The form changed: what was checked no longer holds. */
  private invalidate(): void {
    this.d.confirm.disabled = true;
  }

  private form(dryRun: boolean): ImportForm {
    sessionStorage.setItem(TOKEN_KEY, this.d.token.value);
    return {
      files: [...(this.d.files.files ?? [])],
      dataset: this.d.dataset.value.trim(),
      mode: this.d.mode.value as ImportForm['mode'],
      dryRun,
      encoding: this.d.encoding.value,
      token: this.d.token.value,
      mapping: this.mapping?.(),
    };
  }

  private async send(dryRun: boolean): Promise<void> {
    const form = this.form(dryRun);
    if (form.files.length === 0) {
      this.d.results.replaceChildren(h('p', { class: 'import-verdict bad' }, t(this.lang(), 'importNoFiles')));
      return;
    }
    this.d.check.disabled = true;
    this.d.confirm.disabled = true;
    this.d.progress.hidden = false;
    this.d.bar.style.width = '0%';
    const answer = await sendImport(
      this.sendFiles,
      form,
      (fraction) => (this.d.bar.style.width = `${Math.round(fraction * 100)}%`),
    );
    this.d.progress.hidden = true;
    this.d.check.disabled = false;
    this.show(answer, form);
  }

  private show(answer: ImportAnswer, form: ImportForm): void {
    const lang = this.lang();
    if (answer.ok) {
      this.d.results.replaceChildren(summaryView(answer.result, lang));
      this.d.confirm.disabled = !form.dryRun;
      if (!form.dryRun) {
        this.d.root.close();
        this.ctx.switchDataset(answer.result.dataset);
      }
      return;
    }
    const parts: HTMLElement[] = [
      h('p', { class: 'import-verdict bad', id: 'import-error' }, `${answer.code}: ${answer.message}`),
    ];
    const problems = answer.details?.problems ?? [];
    if (problems.length > 0) parts.push(problemsTable(problems, lang));
    const unknown = answer.details?.unknownTypes ?? [];
    if (unknown.length > 0) {
      const schema = this.ctx.model.schema;
      const name = (x: { name_zh: string; name_en: string }) => (lang === 'zh' ? x.name_zh : x.name_en);
      const form = mappingForm(
        unknown,
        {
          node: (schema?.nodeTypes ?? []).map((x) => ({ type: x.type, label: `${name(x)} (${x.type})` })),
          relation: (schema?.relationTypes ?? []).map((x) => ({ type: x.type, label: `${name(x)} (${x.type})` })),
        },
        lang,
      );
      this.mapping = () => form.read();
      parts.push(form.element);
    }
    this.d.results.replaceChildren(...parts);
  }
}
