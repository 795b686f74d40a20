// Colours and sizes of what sigma draws, per theme (the page's own colours are CSS variables).
// The projector theme is light with high contrast: projectors wash out dark pages and thin
// lines, so its labels, nodes and edges are larger and darker.
export type Theme = 'light' | 'dark' | 'projector';

export const THEMES: readonly Theme[] = ['light', 'dark', 'projector'];

export interface Palette {
  label: string;
  edge: string;
  faded: string;
  highlightEdge: string;
  hoverBox: string;
  hoverShadow: string;
  /** Label size in CSS pixels, and its weight. */
  labelSize: number;
  labelWeight: string;
  /** Multiplies every node's drawn size, and every edge's. */
  nodeScale: number;
  edgeScale: number;
}

const REGULAR = { labelSize: 13, labelWeight: '500', nodeScale: 1, edgeScale: 1 };

export const PALETTES: Record<Theme, Palette> = {
  light: {
    label: '#1d2330',
    edge: '#c3c8d2',
    faded: '#e3e6ec',
    highlightEdge: '#5b6475',
    hoverBox: '#ffffff',
    hoverShadow: 'rgba(0,0,0,0.3)',
    ...REGULAR,
  },
  dark: {
    label: '#e8ecf3',
    edge: '#3b4559',
    faded: '#273042',
    highlightEdge: '#aab4c6',
    hoverBox: '#1b2333',
    hoverShadow: 'rgba(0,0,0,0.6)',
    ...REGULAR,
  },
  projector: {
    label: '#000000',
    edge: '#8a93a3',
    faded: '#d9dde4',
    highlightEdge: '#111827',
    hoverBox: '#ffffff',
    hoverShadow: 'rgba(0,0,0,0.5)',
    labelSize: 17,
    labelWeight: '600',
    nodeScale: 1.35,
    edgeScale: 1.6,
  },
};
