// The panel host: the side panels (details, source, paths, table, …) that features register
// take turns in one place, chosen by the view's `panel`. A panel renders only when what it
// shows changed (its key), and the error of one panel's fetch stays in that panel: a message
// with a retry button, retried by itself after the server's Retry-After when it is passing.
import { DataSourceError } from '../data/source.ts';
import { t, type Lang } from '../i18n.ts';
import { byId, h } from './dom.ts';

export interface PanelRender {
  /** False once a newer render of the panel has started: drop the result. */
  current(): boolean;
}

export interface PanelSpec<S> {
  /** The value of the view's `panel` that opens it. */
  readonly name: string;
  /** The panel's element (the feature's, with its id); the host places and shows it. */
  readonly element: HTMLElement;
  /** The part of the view it shows: it renders again only when this changes. */
  key(state: S): string;
  /** Fills the element; may fetch. An error thrown here is shown in the panel. */
  render(state: S, run: PanelRender): void | Promise<void>;
  /** Leaves the screen (e.g. takes its highlight away). */
  hidden?(): void;
}

interface HostState {
  panel: string | undefined;
  lang: Lang;
}

export class PanelHost<S extends HostState> {
  private readonly panels = new Map<string, PanelSpec<S>>();
  private active: { name: string; key: string } | undefined;
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly workspace = byId('workspace');

  register(spec: PanelSpec<S>): void {
    if (this.panels.has(spec.name)) throw new Error(`panel ${spec.name} is registered twice`);
    this.panels.set(spec.name, spec);
    spec.element.hidden = true;
    this.workspace.append(spec.element);
  }

  names(): ReadonlySet<string> {
    return new Set(this.panels.keys());
  }

  /** Brings the panels in line with the view; `force` renders the active one again. */
  show(state: S, force = false): void {
    const spec = state.panel !== undefined ? this.panels.get(state.panel) : undefined;
    const key = spec ? `${state.lang}|${spec.key(state)}` : '';
    if (!force && this.active?.name === spec?.name && this.active?.key === key) return;
    if (this.active && this.active.name !== spec?.name) {
      const previous = this.panels.get(this.active.name);
      if (previous) {
        previous.element.hidden = true;
        previous.hidden?.();
      }
      // A render still waiting (a slow fetch, a poll, a retry) must not show it again.
      this.generation++;
      if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    }
    this.active = spec ? { name: spec.name, key } : undefined;
    if (spec) void this.render(spec, state);
  }

  /** Renders a panel again if it is open (its data changed outside the view, e.g. filters). */
  refresh(name: string, state: S): void {
    if (this.active?.name === name) this.show(state, true);
  }

  private async render(spec: PanelSpec<S>, state: S): Promise<void> {
    const generation = ++this.generation;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    const current = () => generation === this.generation;
    try {
      await spec.render(state, { current });
      if (current()) spec.element.hidden = false;
    } catch (error) {
      if (current()) this.showError(spec, state, error);
    }
  }

  private showError(spec: PanelSpec<S>, state: S, error: unknown): void {
    const lang = state.lang;
    const message = error instanceof Error ? error.message : String(error);
    const retry = h('button', { type: 'button', class: 'retry' }, t(lang, 'retry'));
    retry.addEventListener('click', () => void this.render(spec, state));
    const passing = error instanceof DataSourceError && error.transient;
    const wait = passing ? (error.retryAfterMs ?? 2_000) : undefined;
    const text = t(lang, passing ? 'panelRetrying' : 'panelFailed', {
      message,
      seconds: Math.round((wait ?? 0) / 1_000),
    });
    spec.element.replaceChildren(h('div', { class: 'panel-error', role: 'alert' }, h('p', {}, text), retry));
    spec.element.hidden = false;
    if (wait !== undefined) this.retryTimer = setTimeout(() => void this.render(spec, state), wait);
  }

  dispose(): void {
    this.generation++;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
  }
}
