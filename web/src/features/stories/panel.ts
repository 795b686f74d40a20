// The stories panel: a column beside the graph that stays open while the other panels take
// turns, so that a step is made from exactly what the screen shows (a path, a partner's reasons,
// a selection's details). It lists the dataset's stories, opens one, edits it (steps from the
// current view, texts, order) and saves, exports, imports, copies and deletes stories.
import { STORY_ID, type Story } from '../../../../domain/story.ts';
import { h } from '../../core/dom.ts';
import type { FeatureContext } from '../../core/feature.ts';
import { t } from '../../i18n.ts';
import type { StoryEntry, StoryLibrary } from './library.ts';
import {
  copyStory,
  freeStoryId,
  moveStep,
  newStep,
  readStoryFile,
  stepText,
  stepView,
  storyFile,
  storyTitle,
} from './model.ts';
import type { StepShow, StoryViewState } from './show-step.ts';
import { renderList, renderStory, showStatus, type StoryHandlers } from './stories-view.ts';
import { TokenPrompt } from './token.ts';

export class StoriesPanel<S extends StoryViewState> {
  readonly element = h('aside', {
    id: 'stories-panel',
    class: 'panel details stories-panel',
    'aria-labelledby': 'stories-heading',
  });
  private shown = '';
  private confirmDelete = false;
  /** A story file read and waiting for its id. */
  private imported: Story | undefined;
  private importId = '';
  private readonly token: TokenPrompt;

  constructor(
    private readonly ctx: FeatureContext<S>,
    private readonly library: StoryLibrary,
    private readonly steps: StepShow<S>,
    private readonly play: (story: string, n: number) => void,
  ) {
    this.element.hidden = true;
    this.token = new TokenPrompt(() => ctx.store.get().lang);
    document.getElementById('workspace')?.append(this.element);
  }

  /** Whether the view has the panel open (never while playing). */
  static open(state: StoryViewState): boolean {
    return (state.storiesOpen || state.story !== undefined) && !state.storyPlay;
  }

  /** Brings the panel in line with the view; `force` draws it again (its data changed). */
  sync(force = false): void {
    const state = this.ctx.store.get();
    const open = StoriesPanel.open(state);
    const key = `${open}|${state.dataset}|${state.story}|${state.storyStep}|${state.lang}`;
    if (!force && key === this.shown) return;
    if (key !== this.shown) this.confirmDelete = false;
    this.shown = key;
    this.element.hidden = !open;
    if (!open) return;
    if (state.story === undefined) {
      this.renderList();
      return;
    }
    const entry = this.library.entry(state.dataset, state.story);
    if (entry) this.renderStory(entry);
    else this.loadStory(state.dataset, state.story);
  }

  private update(patch: Partial<StoryViewState>, history: 'push' | 'replace' = 'push'): void {
    this.ctx.store.update(patch as Partial<S>, history);
  }

  private status(message: string, bad = false): void {
    showStatus(this.element, message, bad);
  }

  private failed(error: unknown): void {
    this.status(t(this.ctx.store.get().lang, 'storyFailed', { message: (error as Error).message }), true);
  }

  private loadStory(dataset: string, id: string): void {
    this.element.replaceChildren(h('p', { class: 'hint' }, t(this.ctx.store.get().lang, 'storyLoading')));
    this.library.load(dataset, id).then(
      () => this.sync(true),
      (error: unknown) => {
        // Back to the list, which says why.
        if (this.ctx.store.get().story === id) this.update({ story: undefined, storyStep: undefined }, 'replace');
        this.failed(error);
      },
    );
  }

  private renderList(): void {
    const { dataset, lang } = this.ctx.store.get();
    renderList(this.element, this.library.summaries(dataset), lang, this.importId, {
      onOpen: (id) => this.update({ story: id, storyStep: undefined }),
      onCreate: (id, zh, en) => this.create(id, zh, en),
      onImportFile: (file) => void this.readFile(file),
      onImport: (id) => void this.importAs(id),
      onClose: () => this.close(),
    });
    this.element.classList.toggle('read-only', !this.ctx.source.saveStory);
    if (!this.library.summaries(dataset))
      this.library.list(dataset).then(
        () => this.sync(true),
        (error: unknown) => this.failed(error),
      );
  }

  private renderStory(entry: StoryEntry): void {
    const state = this.ctx.store.get();
    const taken = new Set(this.library.summaries(state.dataset)?.map((s) => s.id) ?? []);
    renderStory(
      this.element,
      {
        ...entry,
        step: state.storyStep,
        copyId: freeStoryId(`${entry.story.id}-copy`, taken),
        confirmDelete: this.confirmDelete,
      },
      state.lang,
      this.storyHandlers(entry),
    );
    this.element.classList.toggle('read-only', !this.ctx.source.saveStory);
  }

  private storyHandlers(entry: StoryEntry): StoryHandlers {
    const { story } = entry;
    return {
      onBack: () => this.update({ story: undefined, storyStep: undefined, storiesOpen: true }),
      onClose: () => this.close(),
      onGo: (n) => void this.steps.show(story, n, { playing: false, history: 'push', theme: this.theme() }),
      onMove: (n, delta) => this.moveStep(entry, n, delta),
      onDeleteStep: (n) => this.deleteStep(entry, n),
      onAddStep: () => this.addStep(entry),
      onRecapture: (n) => this.recapture(entry, n),
      onText: (n, key, value) => this.editText(entry, n, key, value),
      onPlay: () => this.play(story.id, this.ctx.store.get().storyStep ?? 1),
      onSave: () => void this.save(entry),
      onExport: () => this.download(story),
      onCopy: (id) => void this.copy(story, id),
      onDelete: () => void this.delete(entry),
    };
  }

  private theme(): S['theme'] {
    return this.ctx.store.get().theme;
  }

  private close(): void {
    this.update({ story: undefined, storyStep: undefined, storiesOpen: false });
  }

  /** The view now, as a step's view. */
  private currentView(): string {
    return stepView(this.ctx.viewQuery(this.ctx.store.get()));
  }

  /** A new step's titles: the selected node's name, else "Step N" (the server needs titles). */
  private stepTitles(n: number): { title_zh: string; title_en: string } {
    const { selected } = this.ctx.store.get();
    const name = (lang: 'zh' | 'en') =>
      (selected && this.ctx.model.nodeName(selected, lang)) || t(lang, 'stepUntitled', { n });
    return { title_zh: name('zh'), title_en: name('en') };
  }

  private addStep(entry: StoryEntry): void {
    const { steps } = entry.story;
    steps.push(newStep(steps, this.currentView(), this.stepTitles(steps.length + 1)));
    this.library.edited(entry);
    // The new step is what the screen shows: it becomes the current one without moving.
    this.update({ storyStep: entry.story.steps.length }, 'replace');
    this.sync(true);
    this.element.querySelector<HTMLElement>(`#step-title-${this.ctx.store.get().lang}`)?.focus();
  }

  private recapture(entry: StoryEntry, n: number): void {
    const step = entry.story.steps[n - 1];
    if (!step) return;
    step.view = this.currentView();
    this.library.edited(entry);
    this.sync(true);
  }

  private moveStep(entry: StoryEntry, n: number, delta: number): void {
    entry.story.steps = moveStep(entry.story.steps, n - 1, delta);
    this.library.edited(entry);
    const to = Math.max(1, Math.min(entry.story.steps.length, n + delta));
    const current = this.ctx.store.get().storyStep;
    // The step shown keeps being the one shown, wherever it moved.
    const shown = current === n ? to : current === to ? n : current;
    if (shown !== current) this.update({ storyStep: shown }, 'replace');
    this.sync(true);
    // Keyboard users keep their place: the focus follows the moved step's button.
    const button = delta < 0 ? '.step-up' : '.step-down';
    const target = this.element.querySelector<HTMLButtonElement>(`li[data-step="${to}"] ${button}`);
    (target && !target.disabled
      ? target
      : this.element.querySelector<HTMLElement>(`li[data-step="${to}"] .step-go`)
    )?.focus();
  }

  private deleteStep(entry: StoryEntry, n: number): void {
    entry.story.steps.splice(n - 1, 1);
    const current = this.ctx.store.get().storyStep;
    const count = entry.story.steps.length;
    // The step after the deleted one takes its place (the last one if it was the last); set
    // before the shorter story is known, so that the link is not found beyond its end.
    const shown =
      current === undefined || count === 0 ? undefined : current > n ? current - 1 : Math.min(current, count);
    if (shown !== current) this.update({ storyStep: shown }, 'replace');
    this.library.edited(entry);
    this.sync(true);
  }

  private editText(entry: StoryEntry, n: number | undefined, key: string, value: string): void {
    const target = (n === undefined ? entry.story : entry.story.steps[n - 1]) as unknown as
      Record<string, string> | undefined;
    if (!target) return;
    target[key] = value;
    this.relabelStep(entry, n);
    if (!entry.dirty) {
      this.library.edited(entry);
      this.status(t(this.ctx.store.get().lang, 'storyUnsaved'));
    }
  }

  /** A title typed: the list and the heading say it at once (without redrawing the fields). */
  private relabelStep(entry: StoryEntry, n: number | undefined): void {
    const lang = this.ctx.store.get().lang;
    if (n === undefined) {
      const heading = this.element.querySelector('#story-heading');
      if (heading?.firstChild) heading.firstChild.textContent = storyTitle(entry.story, lang);
      return;
    }
    const step = entry.story.steps[n - 1];
    const go = this.element.querySelector(`li[data-step="${n}"] .step-go`);
    if (step && go) go.textContent = `${n}. ${stepText(step, lang).title || t(lang, 'stepUntitled', { n })}`;
  }

  private async save(entry: StoryEntry): Promise<void> {
    const write = this.ctx.source.saveStory?.bind(this.ctx.source);
    if (!write) return;
    try {
      const saved = await this.token.run((token) => write(entry.story, token));
      if (!saved) return;
      this.library.put({ story: saved, dirty: false, saved: true });
      this.sync(true);
      this.status(t(this.ctx.store.get().lang, 'storySaved'));
    } catch (error) {
      this.failed(error);
    }
  }

  private async delete(entry: StoryEntry): Promise<void> {
    const remove = this.ctx.source.deleteStory?.bind(this.ctx.source);
    if (!remove) return;
    if (!this.confirmDelete) {
      this.confirmDelete = true;
      this.sync(true);
      return;
    }
    const { dataset, id } = entry.story;
    try {
      const done = await this.token.run(async (token) => {
        await remove(dataset, id, token);
        return true;
      });
      if (!done) return;
      this.library.remove(dataset, id);
      this.update({ story: undefined, storyStep: undefined, storiesOpen: true });
    } catch (error) {
      this.failed(error);
    }
  }

  /** A new story with its id and titles, held here until saved. */
  private create(id: string, titleZh: string, titleEn: string): void {
    const { dataset, lang } = this.ctx.store.get();
    if (!this.freeId(id)) return;
    // Both titles are needed: one stands in for the other, the id for both.
    const story: Story = {
      id,
      dataset,
      title_zh: titleZh || titleEn || id,
      title_en: titleEn || titleZh || id,
      steps: [],
    };
    this.library.put({ story, dirty: true, saved: false });
    this.update({ story: id, storyStep: undefined, storiesOpen: true });
    this.status(t(lang, 'storyUnsaved'));
  }

  /** Whether `id` is a valid story id no story of the dataset has (else says why). */
  private freeId(id: string): boolean {
    const { dataset, lang } = this.ctx.store.get();
    if (!STORY_ID.test(id)) this.status(t(lang, 'storyIdInvalid'), true);
    else if (this.library.has(dataset, id)) this.status(t(lang, 'storyIdTaken', { id }), true);
    else return true;
    return false;
  }

  private download(story: Story): void {
    const blob = new Blob([`${JSON.stringify(storyFile(story), null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: `${story.id}.story.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async readFile(file: File): Promise<void> {
    const { dataset } = this.ctx.store.get();
    const read = readStoryFile(await file.text(), dataset);
    if (!read.ok) {
      this.imported = undefined;
      this.failed(new Error(read.problem));
      return;
    }
    this.imported = read.story;
    const taken = new Set(this.library.summaries(dataset)?.map((s) => s.id) ?? []);
    this.importId = freeStoryId(read.story.id, taken);
    const input = this.element.querySelector<HTMLInputElement>('#story-import-id');
    if (input) input.value = this.importId;
  }

  /** Saves the file read under `id` into the dataset shown, and opens it. */
  private async importAs(id: string): Promise<void> {
    const lang = this.ctx.store.get().lang;
    if (!this.imported) return this.status(t(lang, 'storyImportNoFile'), true);
    if (!this.freeId(id)) return;
    const story = copyStory(this.imported, id);
    if (await this.store(story)) {
      this.imported = undefined;
      this.importId = '';
    }
  }

  private async copy(story: Story, id: string): Promise<void> {
    if (this.freeId(id)) await this.store(copyStory(story, id));
  }

  /** Saves a new story and opens it; false when it was not saved. */
  private async store(story: Story): Promise<boolean> {
    const write = this.ctx.source.saveStory?.bind(this.ctx.source);
    if (!write) return false;
    try {
      const saved = await this.token.run((token) => write(story, token));
      if (!saved) return false;
      this.library.put({ story: saved, dirty: false, saved: true });
      this.update({ story: saved.id, storyStep: undefined, storiesOpen: true });
      this.status(t(this.ctx.store.get().lang, 'storySaved'));
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  dispose(): void {
    this.token.dispose();
    this.element.remove();
  }
}
