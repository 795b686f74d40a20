// One review screen: the document form, the text with its highlighted sentences beside the
// grouped proposals, the decisions, and the write of what was accepted (admin token, kept for the
// tab under the import dialog's key). Reading writes nothing; only "Write N accepted" does, once:
// after it the decisions are closed and a new Read of the text goes on. The reading and the
// decisions are kept for the tab, so a reload finds them again (until written).
import type { AcceptRequest, AcceptResult, ExtractResponse } from '../../../../domain/review.ts';
import { h } from '../../core/dom.ts';
import { DataSourceError } from '../../data/source.ts';
import { t, type Lang } from '../../i18n.ts';
import { TOKEN_KEY } from '../import/import.ts';
import { DocumentForm, type DocumentInput } from './form-view.ts';
import { ProposalList } from './list-view.ts';
import { ReviewModel, type Outcome } from './model.ts';
import { refusal } from './rows.ts';
import { ReviewKeeper, type ReviewTarget, type SavedRead } from './saved.ts';
import { TextView } from './text-view.ts';
import { reviewElements, type ReviewElements } from './dialog-view.ts';

export interface ReviewServices {
  lang(): Lang;
  /** The dataset in view. */
  dataset(): string;
  /** No dataset: a cold reading (nothing to merge into). */
  extract(dataset: string | undefined, document: { text: string; name?: string } | File): Promise<ExtractResponse>;
  /** The names of the datasets there are. */
  datasets(): Promise<string[]>;
  accept(request: AcceptRequest, token: string): Promise<AcceptResult>;
  /** Closes the screen and shows the dataset written into, the node selected. */
  showWritten(dataset: string, node: string | undefined): void;
  /** The person closed the screen (× or Esc). */
  closed(): void;
  /** Where the review is kept for the tab (sessionStorage); undefined: nowhere, a reload loses it. */
  storage: Storage | undefined;
}

export type ReviewPhase = 'idle' | 'reading' | 'ready' | 'writing' | 'written' | 'error';

export class ReviewSession {
  readonly d: ReviewElements;
  readonly form: DocumentForm;
  readonly text: TextView;
  readonly list: ProposalList;
  model: ReviewModel | undefined;
  phase: ReviewPhase = 'idle';
  /** Where the proposals were read for (and the accepted ones go). */
  private target: ReviewTarget | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private last: AcceptResult | undefined;
  private readonly keeper: ReviewKeeper;
  /** The kept reading the decisions are saved for; undefined: they are not kept. */
  private stamp: string | undefined;

  constructor(private readonly services: ReviewServices) {
    this.keeper = new ReviewKeeper(services.storage);
    this.form = new DocumentForm(services.dataset);
    this.text = new TextView((sentence) => this.pickSentence(sentence));
    this.list = new ProposalList({
      act: (id, action) => this.act(id, action),
      saveEntity: (id, edit) => this.saved(id, this.model?.editEntity(id, edit)),
      saveRelation: (id, edit) => this.saved(id, this.model?.editRelation(id, edit)),
      show: (id, scroll) => this.showInText(id, scroll),
    });
    this.d = reviewElements(this.form.element, this.text.element, this.list.element, services.lang());
    this.d.close.addEventListener('click', () => this.d.root.close());
    this.d.root.addEventListener('close', () => services.closed());
    // Keys typed here belong to the screen, not to the graph behind it.
    this.d.root.addEventListener('keydown', (event) => event.stopPropagation());
    this.form.read.addEventListener('click', () => void this.read());
    this.d.write.addEventListener('click', () => void this.write());
    this.d.acceptAbove.addEventListener('click', () => this.acceptAbove());
    this.relabel();
  }

  private lang(): Lang {
    return this.services.lang();
  }

  open(): void {
    this.d.token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
    this.relabel();
    if (this.phase === 'idle' && !this.model) this.restore();
    if (!this.d.root.open) this.d.root.showModal();
  }

  close(): void {
    if (this.d.root.open) this.d.root.close();
  }

  relabel(): void {
    const lang = this.lang();
    this.form.relabel(lang);
    this.d.relabel(lang);
    if (this.model) {
      this.list.render(this.model, lang);
      this.updateCounts();
    }
  }

  private status(text: string, kind: 'busy' | 'bad' | 'good' | '' = ''): void {
    this.d.status.replaceChildren(h('p', { class: `review-verdict ${kind}` }, text));
    this.d.progress.hidden = kind !== 'busy';
  }

  /** Reads the document: the server proposes, nothing is written. */
  async read(): Promise<void> {
    const lang = this.lang();
    const input = this.form.input();
    const target = this.form.target();
    if ('missing' in input) return this.status(t(lang, 'reviewNothing'), 'bad');
    if (!target) return this.status(t(lang, 'reviewBadName'), 'bad');
    this.phase = 'reading';
    this.form.read.disabled = true;
    const started = Date.now();
    const tick = () =>
      this.status(t(this.lang(), 'reviewReading', { seconds: Math.round((Date.now() - started) / 1000) }), 'busy');
    tick();
    this.ticker = setInterval(tick, 1000);
    try {
      const response = await this.extract(target, documentOf(input));
      this.target = target;
      this.loaded(response);
      this.stamp = this.keeper.saveRead(response, target, 'file' in input ? undefined : input.name);
    } catch (error) {
      this.phase = 'error';
      this.status(t(this.lang(), 'reviewFailed', { message: (error as Error).message }), 'bad');
    } finally {
      clearInterval(this.ticker);
      this.form.read.disabled = false;
    }
  }

  /** A new dataset has no node to merge into: its document is read cold. */
  private async extract(
    target: { dataset: string; create: boolean },
    document: { text: string; name?: string } | File,
  ): Promise<ExtractResponse> {
    const exists = !target.create || (await this.services.datasets()).includes(target.dataset);
    return this.services.extract(exists ? target.dataset : undefined, document);
  }

  private loaded(response: ExtractResponse): void {
    this.present(new ReviewModel(response));
    const { extraction, document } = response;
    const summary = {
      name: document.name,
      chars: document.text.length,
      entities: extraction.entities.length,
      relations: extraction.relations.length,
      ms: Math.round(response.ms),
      dataset: this.target?.dataset ?? response.dataset ?? '',
    };
    const key = response.dataset === null ? 'reviewReadDoneNew' : 'reviewReadDone';
    this.status(t(this.lang(), key, summary), 'good');
  }

  /** Shows a reading: the text with its sentences marked, the proposals as the model has them. */
  private present(model: ReviewModel): void {
    this.model = model;
    this.last = undefined;
    this.phase = 'ready';
    const { extraction, document } = model.response;
    const used = new Set([
      ...extraction.entities.flatMap((e) => e.evidence.map((x) => x.sentence)),
      ...extraction.relations.map((r) => r.evidence.sentence),
    ]);
    this.text.render(document.text, extraction, used, /[\u4e00-\u9fff]/.test(document.text) ? 'zh-CN' : '');
    this.list.render(model, this.lang());
    this.d.body.hidden = false;
    this.d.footer.hidden = false;
    this.d.result.replaceChildren();
    this.form.element.open = false;
    this.updateCounts();
  }

  /** The reading kept for this tab, with its decisions, back on the screen (nothing read yet). */
  private restore(): void {
    const kept = this.keeper.load();
    if (!kept) return;
    try {
      const model = new ReviewModel(kept.read.response);
      model.restore(kept.decisions);
      this.target = kept.read.target;
      this.stamp = kept.read.stamp;
      this.form.restore(kept.read.response.document, kept.read.target, kept.read.title);
      this.present(model);
      this.restored(kept.read, model);
    } catch (error) {
      // Kept by another version of the screen, perhaps: it is dropped, the screen starts empty.
      console.warn('The review kept for this tab could not be restored:', (error as Error).message);
      this.startOver();
    }
  }

  private restored(read: SavedRead, model: ReviewModel): void {
    const lang = this.lang();
    const again = h('button', { type: 'button', id: 'review-start-over' }, t(lang, 'reviewStartOver'));
    again.addEventListener('click', () => this.startOver());
    const name = read.response.document.name;
    this.d.status.replaceChildren(
      h('p', { class: 'review-verdict good' }, t(lang, 'reviewRestored', { name, ...model.counts() }), ' ', again),
    );
    this.d.progress.hidden = true;
  }

  /** Drops the reading and its decisions, here and in the tab's keeping: the empty form again. */
  private startOver(): void {
    this.keeper.clear();
    this.stamp = undefined;
    this.model = undefined;
    this.target = undefined;
    this.last = undefined;
    this.phase = 'idle';
    this.form.clear();
    this.form.element.open = true;
    this.d.body.hidden = true;
    this.d.footer.hidden = true;
    this.d.result.replaceChildren();
    this.d.status.replaceChildren();
    this.form.text.focus();
  }

  /** Keeps the decisions for the tab (cheap: only what was changed, not the document). */
  private keep(): void {
    if (this.model && this.stamp !== undefined) this.keeper.saveDecisions(this.stamp, this.model.saved());
  }

  private updateCounts(): void {
    const lang = this.lang();
    const model = this.model;
    if (!model) return;
    const counts = model.counts();
    this.d.counts.textContent = t(lang, 'reviewCounts', { ...counts });
    const accepted = model.entities().filter((e) => e.decision === 'accepted').length;
    const relations = model.relations().filter((r) => r.decision === 'accepted').length;
    this.d.write.textContent = t(lang, 'reviewWrite', { n: accepted + relations });
    // Written once: the same items sent again would add their figures and evidence twice.
    this.d.write.disabled = accepted === 0 || this.phase === 'writing' || model.written;
    this.d.acceptAbove.disabled = model.written;
    this.d.threshold.disabled = model.written;
  }

  private act(id: string, action: 'accept' | 'reject' | 'reset' | 'unlink' | 'link'): void {
    const model = this.model;
    if (!model) return;
    if (action === 'unlink' || action === 'link') model.setMerge(id, action === 'link');
    const outcome =
      action === 'accept'
        ? model.accept(id)
        : action === 'reject'
          ? model.reject(id)
          : action === 'reset'
            ? model.reset(id)
            : undefined;
    this.decided(id, outcome);
  }

  private saved(id: string, outcome: Outcome | undefined): void {
    if (!outcome || !outcome.ok) {
      const model = this.model;
      if (model && outcome) this.list.note(id, refusal(outcome, model, this.lang()), true);
      return;
    }
    this.decided(id, outcome);
    this.list.stopEditing(id);
  }

  /** A decision was made: the rows, the counts and the note under the row follow. */
  private decided(id: string, outcome: Outcome | undefined): void {
    const model = this.model;
    if (!model) return;
    const lang = this.lang();
    const notes: string[] = [];
    if (outcome?.ok && outcome.alsoAccepted.length > 0)
      notes.push(t(lang, 'reviewAlsoAccepted', { names: outcome.alsoAccepted.map((e) => model.label(e)).join('、') }));
    if (outcome?.ok && outcome.backToPending.length > 0)
      notes.push(t(lang, 'reviewBackToPending', { n: outcome.backToPending.length }));
    const refused = outcome ? refusal(outcome, model, lang) : undefined;
    this.list.note(id, refused ?? (notes.length > 0 ? notes.join(' ') : undefined), refused !== undefined);
    this.list.refresh(model.touched(id, outcome));
    this.updateCounts();
    this.keep();
  }

  private acceptAbove(): void {
    const model = this.model;
    const threshold = Number(this.d.threshold.value);
    if (!model || !Number.isFinite(threshold)) return;
    const n = model.acceptAbove(threshold);
    this.list.refresh();
    this.updateCounts();
    this.keep();
    this.d.result.replaceChildren(
      h('p', { class: 'review-verdict good' }, t(this.lang(), 'reviewAcceptedAbove', { n })),
    );
  }

  /** Marks a proposal's sentences and mentions in the text. */
  private showInText(id: string | undefined, scroll: boolean): void {
    const model = this.model;
    const entity = id !== undefined ? model?.entity(id) : undefined;
    const relation = id !== undefined ? model?.relation(id) : undefined;
    if (entity)
      this.text.mark(
        { sentences: entity.proposal.evidence.map((e) => e.sentence), entities: [entity.proposal.id] },
        scroll,
      );
    else if (relation) {
      const sentence = relation.proposal.evidence.sentence;
      this.text.mark(
        { sentences: [sentence], entities: [relation.source, relation.target], within: [sentence] },
        scroll,
      );
    } else this.text.mark(undefined, false);
  }

  /** A highlighted sentence was clicked: its proposals are picked in the list. */
  private pickSentence(sentence: number): void {
    const model = this.model;
    if (!model) return;
    const ids = [
      ...model.entities().filter((e) => e.proposal.evidence.some((x) => x.sentence === sentence)),
      ...model.relations().filter((r) => r.proposal.evidence.sentence === sentence),
    ].map((item) => item.proposal.id);
    this.list.pick(ids);
  }

  /** Writes the accepted items (and nothing else) with the admin token. */
  async write(): Promise<void> {
    const model = this.model;
    const target = this.target;
    const lang = this.lang();
    if (!model || !target || model.written) return;
    const token = this.d.token.value.trim();
    if (!token) {
      this.d.result.replaceChildren(
        h('p', { class: 'review-verdict bad', id: 'review-error' }, t(lang, 'reviewTokenMissing')),
      );
      this.d.token.focus();
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    const request = model.request(target.dataset, target.create);
    this.phase = 'writing';
    this.updateCounts();
    this.d.result.replaceChildren(h('p', { class: 'review-verdict busy' }, t(lang, 'reviewWriting')));
    try {
      this.last = await this.services.accept(request, token);
      this.phase = 'written';
      model.markWritten();
      this.list.refresh();
      // The next step is a new Read (of the same text: what was written comes back as merges).
      this.form.element.open = true;
      // Written: the tab keeps nothing more of this reading, so a reload cannot offer it again
      // (its proposals predate the write: read again, the written items come back as merges).
      this.keeper.clear();
      this.stamp = undefined;
      this.showResult(this.last, request);
    } catch (error) {
      this.phase = 'error';
      this.writeFailed(error);
    }
    this.updateCounts();
  }

  private writeFailed(error: unknown): void {
    const lang = this.lang();
    const refused = error instanceof DataSourceError && (error.status === 401 || error.status === 403);
    if (refused) sessionStorage.removeItem(TOKEN_KEY);
    const message = refused ? t(lang, 'reviewTokenRefused') : (error as Error).message;
    this.d.result.replaceChildren(
      h(
        'p',
        { class: 'review-verdict bad', id: 'review-error', role: 'alert' },
        t(lang, 'reviewWriteFailed', { message }),
      ),
    );
  }

  private showResult(result: AcceptResult, request: AcceptRequest): void {
    const lang = this.lang();
    const first = request.entities[0]?.ref;
    const node = first !== undefined ? result.ids[first] : undefined;
    const show = h('button', { type: 'button', id: 'review-show', class: 'primary' }, t(lang, 'reviewShow'));
    show.addEventListener('click', () => this.services.showWritten(result.dataset, node));
    this.target = { dataset: result.dataset, create: false };
    this.d.result.replaceChildren(
      h(
        'div',
        { id: 'review-summary' },
        h(
          'p',
          { class: 'review-verdict good' },
          t(lang, 'reviewWritten', {
            dataset: result.dataset,
            added: result.nodes.added,
            merged: result.nodes.merged,
            relAdded: result.relations.added,
            relMatched: result.relations.matched,
          }),
        ),
        ...result.conflicts.slice(0, 20).map((c) => h('p', { class: 'review-conflict' }, `${c.node}: ${c.message}`)),
        h('p', { class: 'hint', id: 'review-next' }, t(lang, 'reviewWrittenNext')),
        show,
      ),
    );
  }

  /** What the e2e tests read: the phase, the counts, the last write's result. */
  snapshot() {
    return { phase: this.phase, counts: this.model?.counts(), result: this.last, target: this.target };
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.d.root.remove();
  }
}

function documentOf(input: DocumentInput): { text: string; name?: string } | File {
  if ('file' in input) return input.file;
  return input.name !== undefined ? { text: input.text, name: input.name } : { text: input.text };
}
