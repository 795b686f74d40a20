// Checks of the page's layout on element boxes, for any screen size: the header is one row, no
// two visible controls overlap, nothing runs off the screen or is cut. The page is measured in
// one pass (measureLayout); the checks are plain functions of the boxes.
import type { Page } from '@playwright/test';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Item {
  /** tag#id.class, for the messages. */
  name: string;
  box: Box;
  /** A header control (title, badge, search, switcher, toolbar and header buttons and menus). */
  header: boolean;
  /** The id of the visible element that holds it (a time-bar control: `timebar`). */
  within?: string;
  id: string;
  /** Its text runs onto a second line. */
  wrapped: boolean;
  /** A button, menu or select whose text does not fit in it. */
  cut: boolean;
}

export interface Measured {
  items: Item[];
  header: Box & { paddingAndBorder: number };
  viewportWidth: number;
  /** The page, the header or the time bar scrolls sideways (by how much). */
  overflows: string[];
}

/**
 * Measures the visible header controls, the legend, the time bar and its controls, and the
 * elements `extra` selects (e.g. play mode's caption), with what each says about wrapping.
 */
export async function measureLayout(page: Page, extra: string[] = []): Promise<Measured> {
  return page.evaluate((extraSelectors) => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList[0] ? `.${el.classList[0]}` : ''}`;
    const px = (value: string) => parseFloat(value) || 0;
    // Text on two lines: the rendered text's boxes start at tops further apart than a line's height.
    const wraps = (el: Element) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const lines: { top: number; height: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A closed menu's items are not rendered, though their text still has boxes.
        if (!node.parentElement?.checkVisibility({ visibilityProperty: true })) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) lines.push(r);
      }
      if (lines.length < 2) return false;
      const tops = lines.map((l) => l.top);
      return Math.max(...tops) - Math.min(...tops) > Math.min(...lines.map((l) => l.height)) * 0.6;
    };
    const header = document.querySelector('.topbar') as HTMLElement;
    const slots = new Set(['toolbar', 'header-end', 'search-slot']);
    const headerEls = [
      ...header.querySelectorAll(':scope > *, #toolbar > *, #header-end > *, #search-slot > *'),
    ].filter((el) => !slots.has(el.id) && !el.classList.contains('spacer') && shown(el));
    const bar = document.querySelector('#timebar');
    const barEls = bar && shown(bar) ? [bar, ...[...bar.children].filter(shown)] : [];
    const others = ['#legend', ...extraSelectors].flatMap((s) => [...document.querySelectorAll(s)]).filter(shown);
    const item = (el: Element, isHeader: boolean) => {
      const r = el.getBoundingClientRect();
      const control = el.matches('button, summary, select') ? el : el.querySelector(':scope > summary');
      return {
        name: label(el),
        id: el.id,
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        header: isHeader,
        within: el !== bar && bar?.contains(el) ? bar.id : undefined,
        wrapped: isHeader && wraps(el),
        cut: control !== null && control.scrollWidth > control.clientWidth + 1,
      };
    };
    const s = getComputedStyle(header);
    const hr = header.getBoundingClientRect();
    const overflows: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) overflows.push(`the page by ${root.scrollWidth - window.innerWidth} px`);
    for (const box of [header, ...barEls.slice(0, 1)])
      if (box.scrollWidth > box.clientWidth) overflows.push(`${label(box)} by ${box.scrollWidth - box.clientWidth} px`);
    return {
      items: [...headerEls.map((el) => item(el, true)), ...[...barEls, ...others].map((el) => item(el, false))],
      header: {
        left: hr.left,
        top: hr.top,
        right: hr.right,
        bottom: hr.bottom,
        paddingAndBorder:
          (px(s.paddingTop) + px(s.paddingBottom) + px(s.borderTopWidth) + px(s.borderBottomWidth)) *
          (Number(s.zoom) || 1),
      },
      viewportWidth: window.innerWidth,
      overflows,
    };
  }, extra);
}

/** Everything wrong with a measured layout, in words (empty: all is well). */
export function layoutProblems(m: Measured): string[] {
  const problems = m.overflows.map((o) => `scrolls sideways: ${o}`);
  const header = m.items.filter((i) => i.header);
  // One row: every header control shares a horizontal band with every other, none wraps inside.
  const lowestTop = Math.max(...header.map((i) => i.box.top));
  const highestBottom = Math.min(...header.map((i) => i.box.bottom));
  if (lowestTop >= highestBottom)
    problems.push(`the header wraps: a control starts at ${lowestTop} below another's end`);
  const tallest = Math.max(...header.map((i) => i.box.bottom - i.box.top));
  const height = m.header.bottom - m.header.top;
  if (height > tallest + m.header.paddingAndBorder + 2)
    problems.push(`the header is ${height} px for a row of ${tallest}`);
  for (const i of header) if (i.wrapped) problems.push(`${i.name} wraps onto a second line`);
  for (const i of m.items) {
    if (i.cut) problems.push(`the text of ${i.name} is cut`);
    if (i.box.left < -0.5 || i.box.right > m.viewportWidth + 0.5)
      problems.push(`${i.name} runs off the screen (${i.box.left}–${i.box.right})`);
  }
  for (let a = 0; a < m.items.length; a++)
    for (let b = a + 1; b < m.items.length; b++) {
      const p = m.items[a]!;
      const q = m.items[b]!;
      if ((p.within && p.within === q.id) || (q.within && q.within === p.id)) continue;
      const w = Math.min(p.box.right, q.box.right) - Math.max(p.box.left, q.box.left);
      const h = Math.min(p.box.bottom, q.box.bottom) - Math.max(p.box.top, q.box.top);
      if (w > 1 && h > 1) problems.push(`${p.name} overlaps ${q.name} by ${w.toFixed(1)}×${h.toFixed(1)} px`);
    }
  return problems;
}
