// The source panel: the document an evidence quote comes from, with the quote highlighted
// and scrolled into view. The text is split around the quote and inserted as text nodes.
import type { SourceDocument } from '../../data/types.ts';
import { t, type Lang } from '../../i18n.ts';
import { h } from '../../core/dom.ts';

/** Finds the quote in the text, ignoring whitespace differences; [start, end) or undefined. */
export function locateQuote(text: string, quote: string): [number, number] | undefined {
  const wanted = quote.replace(/\s+/g, '');
  if (!wanted) return undefined;
  // Map positions of the text without whitespace back to positions in the text.
  const positions: number[] = [];
  let compact = '';
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i] as string)) {
      positions.push(i);
      compact += text[i];
    }
  }
  const at = compact.indexOf(wanted);
  if (at < 0) return undefined;
  return [positions[at] as number, (positions[at + wanted.length - 1] as number) + 1];
}

export function renderSource(
  root: HTMLElement,
  doc: SourceDocument,
  quote: string | undefined,
  lang: Lang,
  onClose: () => void,
): void {
  const close = h('button', { class: 'close', type: 'button', 'aria-label': t(lang, 'close') }, '×');
  close.addEventListener('click', onClose);
  const body = h('div', { class: 'source-text', lang: doc.language === 'zh' ? 'zh-CN' : 'en' });
  const span = quote ? locateQuote(doc.text, quote) : undefined;
  let mark: HTMLElement | undefined;
  if (span) {
    mark = h('mark', { id: 'source-quote' }, doc.text.slice(span[0], span[1]));
    body.append(doc.text.slice(0, span[0]), mark, doc.text.slice(span[1]));
  } else {
    body.append(doc.text);
  }
  root.replaceChildren(
    close,
    h('p', { class: 'eyebrow' }, t(lang, 'source')),
    h('h2', { class: 'source-title' }, doc.title),
    h('p', { class: 'source-meta' }, [doc.date, doc.language, doc.id].join(' · ')),
    body,
  );
  root.hidden = false;
  root.dataset.source = doc.id;
  if (mark) mark.scrollIntoView({ block: 'center' });
}
