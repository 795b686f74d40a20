// The timeline's arithmetic on the graph's years, kept apart from the DOM so that it is tested
// in Node: which years the data holds, which nodes a year hides, what the bar counts, and where
// playback goes next.

/** The part of a graph these functions read (graphology's Graph has it). */
export interface DatedGraph {
  forEachNode(callback: (node: string, attributes: { year?: number }) => void): void;
}

/** The distinct years the nodes carry, in order. */
export function yearsOf(graph: DatedGraph): number[] {
  const years = new Set<number>();
  graph.forEachNode((_node, a) => {
    if (a.year !== undefined) years.add(a.year);
  });
  return [...years].sort((a, b) => a - b);
}

/** The nodes dated after `year` (the network as of the end of that year lacks them). */
export function datedAfter(graph: DatedGraph, year: number | undefined): Set<string> {
  const hidden = new Set<string>();
  if (year === undefined) return hidden;
  graph.forEachNode((node, a) => {
    if (a.year !== undefined && a.year > year) hidden.add(node);
  });
  return hidden;
}

export interface TimelineCounts {
  /** Nodes drawn now (every layer considered). */
  shown: number;
  /** Of them, those without a year: no year hides them. */
  undated: number;
}

export function countShown(graph: DatedGraph, isVisible: (node: string) => boolean): TimelineCounts {
  let shown = 0;
  let undated = 0;
  graph.forEachNode((node, a) => {
    if (!isVisible(node)) return;
    shown++;
    if (a.year === undefined) undated++;
  });
  return { shown, undated };
}

/** Into the range of the years present; undefined when there are none. */
export function clampYear(year: number, years: Iterable<number>): number | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const y of years) {
    if (y < min) min = y;
    if (y > max) max = y;
  }
  if (min > max) return undefined;
  return Math.min(max, Math.max(min, year));
}

/** The slider's position for a year: the last year present that is not after it (all: the end). */
export function yearIndex(years: readonly number[], year: number | undefined): number {
  if (year === undefined) return years.length - 1;
  let index = 0;
  years.forEach((y, i) => {
    if (y <= year) index = i;
  });
  return index;
}

/** Where playback goes from `year`: the next year present; undefined at the last one (or from all years). */
export function nextYear(years: readonly number[], year: number | undefined): number | undefined {
  return years.find((y) => y > (year ?? Infinity));
}

/** The year playback starts at: the first year present when at the end (or showing all). */
export function playbackStart(years: readonly number[], year: number | undefined): number | undefined {
  const last = years[years.length - 1];
  return year === undefined || last === undefined || year >= last ? years[0] : year;
}
