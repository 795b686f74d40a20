// The one owner of the URL: view state ⇄ query string. Parsing is total: any string gives a
// valid view (bad values fall back to defaults); validation against the data happens after the
// data has loaded (view.ts, validateView).
import type { Lang } from '../i18n.ts';
import { defaultView, MAX_OVERVIEW_LIMIT, type Camera, type PanelName, type ViewState } from './view.ts';

const PANELS: readonly PanelName[] = ['details', 'source', 'filters', 'paths', 'table'];
const ID = /^[a-z0-9][a-z0-9._~/-]{0,159}$/;
const TYPE = /^[A-Za-z_]{1,40}$/;
const DATASET = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const YEAR = /^(1[89]|2[0-9])[0-9]{2}$/;
const MAX_LIST = 500;

function list(value: string | null, pattern: RegExp): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').filter((v) => pattern.test(v)))].slice(0, MAX_LIST);
}

function parseCamera(value: string | null): Camera | undefined {
  if (!value) return undefined;
  const parts = value.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [x, y, ratio] = parts as [number, number, number];
  if (ratio <= 0 || ratio > 100) return undefined;
  return { x, y, ratio };
}

// `|| 0` turns -0 into 0, so that equal views give equal links.
const round = (n: number, digits: number) => Number(n.toFixed(digits)) || 0;

export function parseView(search: string, fallbackLang: Lang): ViewState {
  const params = new URLSearchParams(search);
  const view = defaultView(fallbackLang);
  const dataset = params.get('dataset');
  if (dataset && DATASET.test(dataset)) view.dataset = dataset;
  const lang = params.get('lang');
  if (lang === 'zh' || lang === 'en') view.lang = lang;
  if (params.get('theme') === 'dark') view.theme = 'dark';
  const selected = params.get('node');
  if (selected && ID.test(selected)) view.selected = selected;
  if (params.get('depth') === '2') view.depth = 2;
  view.hiddenTypes = list(params.get('hide'), TYPE);
  view.hiddenRelTypes = list(params.get('hideRel'), TYPE);
  view.hiddenNodes = list(params.get('hideNodes'), ID);
  const panel = params.get('panel');
  if (panel && (PANELS as readonly string[]).includes(panel)) view.panel = panel as PanelName;
  const source = params.get('source');
  if (source && ID.test(source)) view.source = source;
  const quote = params.get('quote');
  if (quote && quote.length <= 500) view.quote = quote;
  view.camera = parseCamera(params.get('cam'));
  const from = params.get('from');
  if (from && ID.test(from)) view.pathFrom = from;
  const to = params.get('to');
  if (to && ID.test(to)) view.pathTo = to;
  view.fields = list(params.get('fields'), ID);
  view.hiddenYears = list(params.get('hideYears'), YEAR).map(Number);
  // Order matters for expansions (each may bring the next one's node), so no sorting here.
  view.expanded = list(params.get('expand'), ID);
  const limit = Number(params.get('limit'));
  if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_OVERVIEW_LIMIT) view.limit = limit;
  return view;
}

/** Only what differs from the defaults is written, so that links stay short. */
export function serializeView(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.dataset !== defaultView(view.lang).dataset) params.set('dataset', view.dataset);
  params.set('lang', view.lang);
  if (view.theme === 'dark') params.set('theme', 'dark');
  if (view.selected) params.set('node', view.selected);
  if (view.depth === 2) params.set('depth', '2');
  if (view.hiddenTypes.length) params.set('hide', [...view.hiddenTypes].sort().join(','));
  if (view.hiddenRelTypes.length) params.set('hideRel', [...view.hiddenRelTypes].sort().join(','));
  if (view.hiddenNodes.length) params.set('hideNodes', [...view.hiddenNodes].sort().join(','));
  if (view.panel) params.set('panel', view.panel);
  if (view.source) params.set('source', view.source);
  if (view.quote) params.set('quote', view.quote);
  if (view.pathFrom) params.set('from', view.pathFrom);
  if (view.pathTo) params.set('to', view.pathTo);
  if (view.fields.length) params.set('fields', [...view.fields].sort().join(','));
  if (view.hiddenYears.length) params.set('hideYears', [...view.hiddenYears].sort((a, b) => a - b).join(','));
  if (view.expanded.length) params.set('expand', view.expanded.join(','));
  if (view.limit !== undefined) params.set('limit', String(view.limit));
  if (view.camera)
    params.set('cam', [round(view.camera.x, 4), round(view.camera.y, 4), round(view.camera.ratio, 4)].join(','));
  return params.toString();
}

/**
 * Keeps the address bar in step with the view. Changes the user would go "back" from (selection,
 * filters, panels, language) push a history entry; camera moves only replace the current one.
 */
export class UrlState {
  private last = '';

  constructor(
    private readonly onNavigate: (view: ViewState) => void,
    private readonly fallbackLang: Lang,
  ) {}

  read(): ViewState {
    return parseView(window.location.search, this.fallbackLang);
  }

  write(view: ViewState, mode: 'push' | 'replace'): void {
    const query = serializeView(view);
    if (query === this.last) return;
    this.last = query;
    const url = `${window.location.pathname}?${query}${window.location.hash}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  private readonly popstate = () => {
    const view = this.read();
    this.last = serializeView(view);
    this.onNavigate(view);
  };

  listen(): void {
    this.last = window.location.search.replace(/^\?/, '');
    window.addEventListener('popstate', this.popstate);
  }

  dispose(): void {
    window.removeEventListener('popstate', this.popstate);
  }
}
