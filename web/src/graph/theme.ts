// Colours of what sigma draws, per theme (the page's own colours are CSS variables).
export type Theme = 'light' | 'dark';

export interface Palette {
  label: string;
  edge: string;
  faded: string;
  highlightEdge: string;
  hoverBox: string;
  hoverShadow: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    label: '#1d2330',
    edge: '#c3c8d2',
    faded: '#e3e6ec',
    highlightEdge: '#5b6475',
    hoverBox: '#ffffff',
    hoverShadow: 'rgba(0,0,0,0.3)',
  },
  dark: {
    label: '#e8ecf3',
    edge: '#3b4559',
    faded: '#273042',
    highlightEdge: '#aab4c6',
    hoverBox: '#1b2333',
    hoverShadow: 'rgba(0,0,0,0.6)',
  },
};
