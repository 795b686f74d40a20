// The document's text beside the proposals: every sentence a proposal rests on is highlighted,
// and the proposal in focus marks its sentences and its names' mentions (scrolled into view).
// Built of text nodes and spans only: whatever the document holds, it never becomes markup.
import type { Extraction } from '../../../../domain/extraction.ts';
import { h } from '../../core/dom.ts';
import { mentionsOf, segments } from './segments.ts';

/** What to mark: sentences (by index) and mentions (of these entities, in these sentences only if given). */
export interface Marks {
  sentences: readonly number[];
  entities: readonly string[];
  /** Limit the mention marks to these sentences (a relation's ends in its own sentence). */
  within?: readonly number[];
}

export class TextView {
  readonly element = h('div', { id: 'review-text', class: 'review-text', tabindex: '-1' });
  private sentenceEls = new Map<number, HTMLElement>();
  private mentionEls: { el: HTMLElement; entities: readonly string[]; sentence: number | undefined }[] = [];
  private marked: HTMLElement[] = [];

  /** `onSentence`: a highlighted sentence was clicked. */
  constructor(private readonly onSentence: (sentence: number) => void) {
    this.element.addEventListener('click', (event) => {
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-sentence].has-proposals');
      if (target) this.onSentence(Number(target.dataset.sentence));
    });
  }

  /** Draws the text; `used`: the sentences some proposal rests on. */
  render(text: string, extraction: Extraction, used: ReadonlySet<number>, lang: string): void {
    this.sentenceEls = new Map();
    this.mentionEls = [];
    this.marked = [];
    const children: (Node | string)[] = [];
    let holder: HTMLElement | undefined;
    for (const run of segments(text.length, extraction.sentences, mentionsOf(extraction.entities))) {
      const part = text.slice(run.start, run.end);
      const piece =
        run.entities.length > 0
          ? h('mark', { class: 'review-mention', 'data-entities': run.entities.join(' ') }, part)
          : part;
      if (typeof piece !== 'string')
        this.mentionEls.push({ el: piece, entities: run.entities, sentence: run.sentence });
      if (run.sentence === undefined) {
        holder = undefined;
        children.push(piece);
        continue;
      }
      if (holder?.dataset.sentence !== String(run.sentence)) {
        holder = h('span', { class: 'review-sentence', 'data-sentence': String(run.sentence) });
        if (used.has(run.sentence)) holder.classList.add('has-proposals');
        this.sentenceEls.set(run.sentence, holder);
        children.push(holder);
      }
      holder.append(piece);
    }
    this.element.lang = lang;
    this.element.replaceChildren(...children);
  }

  /** Marks a proposal's sentences and mentions, the first scrolled into view. */
  mark(marks: Marks | undefined, scroll: boolean): void {
    for (const el of this.marked) el.classList.remove('current');
    this.marked = [];
    if (!marks) return;
    for (const n of marks.sentences) {
      const el = this.sentenceEls.get(n);
      if (el) this.marked.push(el);
    }
    const within = marks.within ? new Set(marks.within) : undefined;
    for (const m of this.mentionEls)
      if (
        m.entities.some((e) => marks.entities.includes(e)) &&
        (!within || (m.sentence !== undefined && within.has(m.sentence)))
      )
        this.marked.push(m.el);
    for (const el of this.marked) el.classList.add('current');
    if (scroll) this.marked[0]?.scrollIntoView({ block: 'center' });
  }

  clear(): void {
    this.element.replaceChildren();
    this.sentenceEls = new Map();
    this.mentionEls = [];
    this.marked = [];
  }
}
