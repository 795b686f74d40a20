// Showing a step: its saved view goes through the URL codec into the store (so filters,
// selection, paths, partners, metric sizing, language and theme follow, each feature doing its
// part), and the camera glides to the step's camera — or, where the step saved none, frames
// what the step highlights (the selection at once; paths and partners when their answers have
// arrived), else the whole graph.
import type { Story } from '../../../../domain/story.ts';
import { byId } from '../../core/dom.ts';
import type { FeatureContext } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import type { HistoryMode } from '../../core/store.ts';
import type { Camera, CameraState } from '../camera/slice.ts';
import type { SelectionState } from '../selection/slice.ts';
import type { ThemeState } from '../theme/slice.ts';
import { stepPatch } from './model.ts';
import type { StoriesState } from './slice.ts';
import { fadeThrough, frameNodes, moveCamera, WHOLE_GRAPH } from './transitions.ts';

export type StoryViewState = CoreState & StoriesState & CameraState & ThemeState & SelectionState;

/** For this long after a step without a camera is shown, late highlights are framed too. */
const FOLLOW_MS = 3_000;

export class StepShow<S extends StoryViewState> {
  private generation = 0;
  private moves = 0;
  private stopFollowing: (() => void) | undefined;

  constructor(private readonly ctx: FeatureContext<S>) {}

  /** A camera move or a fade is under way. */
  moving(): boolean {
    return this.moves > 0;
  }

  /**
   * Shows step `n` (1-based) of the story. `playing`: in play mode (the view fades through, the
   * theme is `theme` unless the step names one).
   */
  async show(story: Story, n: number, options: { playing: boolean; history: HistoryMode; theme: S['theme'] }) {
    const step = story.steps[n - 1];
    if (!step) return;
    const { store, parseView } = this.ctx;
    const current = { ...store.get(), dataset: story.dataset };
    const parsed = parseView(step.view);
    const patch = {
      ...stepPatch(parsed, step.view, current, options.playing ? options.theme : current.theme),
      story: story.id,
      storyStep: n,
      storyPlay: options.playing,
      storiesOpen: current.storiesOpen,
    } as Partial<S>;
    const generation = ++this.generation;
    this.stopFollowing?.();
    this.moves++;
    try {
      const apply = () => {
        if (generation === this.generation) store.update(patch, options.history);
      };
      if (options.playing) await fadeThrough(byId('graph-container'), apply);
      else apply();
      if (generation !== this.generation) return;
      await this.moveTo(parsed.camera, generation);
    } finally {
      this.moves--;
    }
  }

  /** Glides to `camera`, or frames the highlight (following it while late answers arrive). */
  private async moveTo(camera: Camera | undefined, generation: number): Promise<void> {
    const sigma = this.ctx.renderer()?.sigma;
    if (!sigma) return;
    if (camera) {
      await moveCamera(sigma, camera);
      return;
    }
    const frame = () => moveCamera(sigma, this.framing());
    const started = Date.now();
    let shown = this.highlightKey();
    const off = this.ctx.layers.onChange((what) => {
      if (what === 'style' || Date.now() - started > FOLLOW_MS || generation !== this.generation) return;
      const next = this.highlightKey();
      if (next === shown) return;
      shown = next;
      this.moves++;
      void frame().finally(() => this.moves--);
    });
    const timer = setTimeout(off, FOLLOW_MS);
    this.stopFollowing = () => {
      clearTimeout(timer);
      off();
    };
    await frame();
  }

  /** What the step is about: the highlighted nodes, else the selection, else all that is drawn. */
  private framing(): Camera {
    const sigma = this.ctx.renderer()?.sigma;
    if (!sigma) return WHOLE_GRAPH;
    const { layers, model } = this.ctx;
    const { selected } = this.ctx.store.get();
    const position = (node: string) => {
      if (!model.graph.hasNode(node)) return undefined;
      const { x, y } = model.graph.getNodeAttributes(node);
      return { x, y };
    };
    if (layers.highlight) return frameNodes(sigma, layers.highlight.nodes, position);
    if (selected !== undefined && layers.isVisible(selected)) return frameNodes(sigma, [selected], position);
    // A step that filters the map shows what is left of it, not the empty places.
    if (layers.hiddenNodes.size === 0) return WHOLE_GRAPH;
    return frameNodes(
      sigma,
      model.graph.filterNodes((node) => layers.isVisible(node)),
      position,
    );
  }

  private highlightKey(): string {
    const nodes = this.ctx.layers.highlight?.nodes;
    return nodes ? [...nodes].sort().join(',') : '';
  }

  /** Glides back to where the camera was (leaving play mode). */
  async restore(camera: Camera): Promise<void> {
    this.generation++;
    this.stopFollowing?.();
    const sigma = this.ctx.renderer()?.sigma;
    if (sigma) await moveCamera(sigma, camera);
  }

  dispose(): void {
    this.generation++;
    this.stopFollowing?.();
  }
}
