// The view: everything a shared link must reproduce, as one serialisable value. The URL holds
// it (see url.ts); stories and the offline bundle (roadmap) will store the same value.
import type { Lang } from '../i18n.ts';

export type PanelName = 'details' | 'source' | 'filters' | 'paths' | 'table';

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

export type Theme = 'light' | 'dark';

export interface ViewState {
  dataset: string;
  lang: Lang;
  /** Light for desks, dark for projectors. */
  theme: Theme;
  /** The selected node, whose ego network is highlighted. */
  selected: string | undefined;
  /** Steps around the selection that stay highlighted: 1 or 2. */
  depth: 1 | 2;
  /** Node and relation types filtered out of the view. */
  hiddenTypes: string[];
  hiddenRelTypes: string[];
  /** Nodes the user removed from the view. */
  hiddenNodes: string[];
  panel: PanelName | undefined;
  /** The source document open in the source panel, and the quote to show in it. */
  source: string | undefined;
  quote: string | undefined;
  camera: Camera | undefined;
  /** "How is A linked to B?": the two ends of the paths shown. */
  pathFrom: string | undefined;
  pathTo: string | undefined;
  /** Industry/field nodes: when any is chosen, only they and what links to them are shown. */
  fields: string[];
  /** Years filtered out (nodes without a year are never hidden by this). */
  hiddenYears: number[];
  /** Nodes whose neighbours were loaded from the server into the view, in order. */
  expanded: string[];
  /** At most this many nodes (best connected first) in the overview; undefined: the default. */
  limit: number | undefined;
}

export const DEFAULT_DATASET = 'laoshan';

export function defaultView(lang: Lang): ViewState {
  return {
    dataset: DEFAULT_DATASET,
    lang,
    theme: 'light',
    selected: undefined,
    depth: 1,
    hiddenTypes: [],
    hiddenRelTypes: [],
    hiddenNodes: [],
    panel: undefined,
    source: undefined,
    quote: undefined,
    camera: undefined,
    pathFrom: undefined,
    pathTo: undefined,
    fields: [],
    hiddenYears: [],
    expanded: [],
    limit: undefined,
  };
}

/** The overview's default size: beyond it the browser is asked to draw more than is useful. */
export const DEFAULT_OVERVIEW_LIMIT = 20_000;
export const MAX_OVERVIEW_LIMIT = 200_000;

/** What the data allows: a view naming anything else is cleaned, never trusted. */
export interface ViewDomain {
  hasNode(id: string): boolean;
  nodeTypes: ReadonlySet<string>;
  relationTypes: ReadonlySet<string>;
  /** Whether a node is an industry/field node (what the field filter chooses from). */
  isField(id: string): boolean;
  /** The years the nodes of the view carry. */
  years: ReadonlySet<number>;
}

/** Drops what the data does not know (unknown ids and types); never throws. */
export function validateView(view: ViewState, domain: ViewDomain): ViewState {
  const selected = view.selected !== undefined && domain.hasNode(view.selected) ? view.selected : undefined;
  return {
    ...view,
    selected,
    hiddenTypes: view.hiddenTypes.filter((t) => domain.nodeTypes.has(t)),
    hiddenRelTypes: view.hiddenRelTypes.filter((t) => domain.relationTypes.has(t)),
    hiddenNodes: view.hiddenNodes.filter((id) => domain.hasNode(id)),
    panel: view.panel === 'details' && !selected ? undefined : view.panel,
    pathFrom: view.pathFrom !== undefined && domain.hasNode(view.pathFrom) ? view.pathFrom : undefined,
    pathTo: view.pathTo !== undefined && domain.hasNode(view.pathTo) ? view.pathTo : undefined,
    fields: view.fields.filter((id) => domain.hasNode(id) && domain.isField(id)),
    hiddenYears: view.hiddenYears.filter((y) => domain.years.has(y)),
    expanded: view.expanded.filter((id) => domain.hasNode(id)),
  };
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
