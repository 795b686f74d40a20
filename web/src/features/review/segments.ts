// The document's text cut into runs for highlighting: each run lies in at most one sentence and
// knows which entities' mentions cover it, so the view can wrap sentences and mentions in spans
// of text nodes (never markup). Pure, tested in Node.
import type { Evidence, Span } from '../../../../domain/extraction.ts';

export interface Segment {
  start: number;
  end: number;
  /** The index of the sentence it lies in (extraction.sentences), if any. */
  sentence: number | undefined;
  /** The entities with a mention covering it, in id order. */
  entities: string[];
}

export interface Mention extends Span {
  entity: string;
}

const clamp = (n: number, length: number) => Math.max(0, Math.min(length, n));

/** Cuts [0, length) at every sentence's and mention's ends (out-of-range offsets clamped). */
export function segments(length: number, sentences: readonly Evidence[], mentions: readonly Mention[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  const starting = new Map<number, string[]>();
  const ending = new Map<number, string[]>();
  for (const s of sentences) cuts.add(clamp(s.start, length)).add(clamp(s.end, length));
  for (const m of mentions) {
    const start = clamp(m.start, length);
    const end = clamp(m.end, length);
    if (end <= start) continue;
    cuts.add(start).add(end);
    starting.set(start, [...(starting.get(start) ?? []), m.entity]);
    ending.set(end, [...(ending.get(end) ?? []), m.entity]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const bySentence = [...sentences.keys()].sort((a, b) => (sentences[a]?.start ?? 0) - (sentences[b]?.start ?? 0));
  const active = new Map<string, number>();
  const out: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    for (const e of ending.get(start) ?? []) active.set(e, (active.get(e) ?? 1) - 1);
    for (const e of starting.get(start) ?? []) active.set(e, (active.get(e) ?? 0) + 1);
    // Sentences do not overlap: walk them in order beside the cuts.
    while (next < bySentence.length && (sentences[bySentence[next] as number]?.end ?? 0) <= start) next++;
    const candidate = bySentence[next];
    const sentence =
      candidate !== undefined && (sentences[candidate]?.start ?? Infinity) <= start ? candidate : undefined;
    const entities = [...active].filter(([, n]) => n > 0).map(([e]) => e);
    out.push({ start, end, sentence, entities: entities.sort(byId) });
  }
  return out;
}

/** e2 before e10: proposal ids in their numeric order. */
function byId(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Every mention of every entity, as the segments take them. */
export function mentionsOf(entities: readonly { id: string; mentions: readonly Span[] }[]): Mention[] {
  return entities.flatMap((e) => e.mentions.map((m) => ({ entity: e.id, start: m.start, end: m.end })));
}
