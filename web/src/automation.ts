// The shape of window.explorer, the read-only surface that scripts and end-to-end tests use:
// the core's functions plus those the features contribute (selection, language, layout).
import type { AcceptResult } from '../../domain/review.ts';
import type { AppState } from './features/slices.ts';
import type { Lang } from './i18n.ts';

export interface ExplorerAutomation {
  /** 'loading' → 'layout' → 'ready' (or 'error'); 'drawing' briefly before ready. */
  phase(): string;
  nodeIds(): string[];
  edgeCount(): number;
  visibleNodeCount(): number;
  /** The nodes drawn now (not filtered out or hidden). */
  visibleNodeIds(): string[];
  visibleEdgeCount(): number;
  highlighted(): string[];
  nodePosition(id: string): { x: number; y: number } | undefined;
  /** The nodes whose labels are drawn now. */
  displayedLabels(): string[];
  /** A node's label in the current language. */
  label(id: string): string;
  /** A node's drawn radius in CSS pixels. */
  nodeRadius(id: string): number | undefined;
  view(): AppState;
  /** Releases sigma and the layout worker (the lifecycle test checks nothing is left). */
  destroy(): void;
  // From the features:
  /** The datasets the switcher lists. */
  datasets(): string[];
  selected(): string | undefined;
  lang(): Lang;
  layoutRunning(): boolean;
  /** Whether positions came from the browser's store instead of a new layout. */
  positionsRestored(): boolean;
  /** Whether positions came with the graph from the server's stored layout. */
  positionsStored(): boolean;
  /** The metrics as the app has them: 'idle', 'computing', 'ready' or 'error'. */
  metricsStatus(): 'idle' | 'computing' | 'ready' | 'error';
  /** The ids of the dataset's metrics (once ready). */
  metricIds(): string[];
  /** A node's value of a metric, from the server's answer. */
  metricValue(id: string, metric: string): number | undefined;
  /** The metrics nodes are sized and coloured by now. */
  metricSizeBy(): string | undefined;
  metricColorBy(): string | undefined;
  /** What the metrics layer gives a node (nothing for a node the metrics do not know). */
  metricStyle(id: string): { size?: number; color?: string };
  /** A node's drawn colour (after every layer and the highlight), as sigma last processed it. */
  nodeColor(id: string): string | undefined;
  /** The chosen brokerage role's top actors highlighted now (brokers panel). */
  brokerActors(): string[];
  /** The chosen gap's nodes highlighted now (gaps panel). */
  gapNodes(): string[];
  /** The candidates listed now (partners panel), best first. */
  partnerCandidates(): string[];
  /** What the chosen candidate's reasons draw, and what of them the view lacks. */
  partnerDrawing(): { nodes: string[]; edges: string[]; missingNodes: string[]; missingEdges: string[] } | undefined;
  /** The actors listed below the paths as lying on most of them. */
  pathsThrough(): string[];
  /** The actor below the paths whose paths are highlighted (hovered or pinned). */
  pathsThroughHighlighted(): string | undefined;
  /** The aggregates of a large dataset's overview (level of detail), largest first; [] otherwise. */
  aggregateIds(): string[];
  /** The aggregates expanded into their members now. */
  expandedAggregates(): string[];
  /** Whether a story is being played (play mode). */
  storyPlaying(): boolean;
  /** The story open or played, its step shown (1-based) and its number of steps (once loaded). */
  storyStep(): { story: string; step: number | undefined; count: number | undefined } | undefined;
  /** A move between steps (fade, camera) is under way. */
  storyMoving(): boolean;
  /** The ids of the dataset's stories, once listed. */
  storyIds(): string[];
  /** The review screen (features/review): its phase, the decisions' counts, the last write's result. */
  reviewState(): {
    phase: 'idle' | 'reading' | 'ready' | 'writing' | 'written' | 'error';
    counts: { accepted: number; rejected: number; pending: number } | undefined;
    result: AcceptResult | undefined;
    target: { dataset: string; create: boolean } | undefined;
  };
  /** The proposals of the document read last, as the review list shows them (undefined: none read). */
  reviewProposals():
    | {
        entities: {
          id: string;
          kind: string;
          name: string;
          type: string;
          merge: string | undefined;
          decision: string;
          sentences: string[];
        }[];
        relations: {
          id: string;
          source: string | undefined;
          type: string;
          target: string | undefined;
          decision: string;
          sentence: string;
        }[];
      }
    | undefined;
  /** The theme shown, and the page's scale for the screen's size (style.css's `--ui-zoom`). */
  theme(): { name: 'light' | 'dark' | 'projector'; uiZoom: number };
  /** The time bar: the year shown (undefined: all), the years present, playback, what is drawn. */
  timeline(): { year: number | undefined; years: number[]; playing: boolean; shown: number; undated: number };
}

declare global {
  interface Window {
    explorer?: ExplorerAutomation;
  }
}
