// The page around the graph: header slots that features fill (toolbar buttons, header
// buttons, the search slot), the progress box, the notice line and the fatal-error box.
import { t, type Lang } from '../i18n.ts';
import { byId } from './dom.ts';
import { ProgressView } from './progress.ts';

/** `graph-bottom`: a row under the canvas (the time bar), its own space so it never covers the drawing. */
type Slot = 'toolbar' | 'header-end' | 'search' | 'graph-bottom';

const SLOT_IDS: Record<Slot, string> = {
  toolbar: 'toolbar',
  'header-end': 'header-end',
  search: 'search-slot',
  'graph-bottom': 'graph-bottom',
};

export class Chrome {
  readonly progress = new ProgressView();
  private readonly notice = byId('notice');
  private readonly errorBox = byId('error');
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private standing: () => string | undefined = () => undefined;

  /** Puts an element into a header slot, ordered by `order` (lower first). */
  place(slot: Slot, element: HTMLElement, order: number): void {
    const container = byId(SLOT_IDS[slot]);
    element.dataset.order = String(order);
    const after = [...container.children].find((child) => Number((child as HTMLElement).dataset.order) > order);
    container.insertBefore(element, after ?? null);
  }

  /** The standing notice (e.g. "showing 20,000 of 100,000"), shown whenever no passing one is. */
  setStandingNotice(text: () => string | undefined): void {
    this.standing = text;
    this.showNotice();
  }

  /** A passing message gives way to the standing one after a few seconds. */
  showNotice(message?: string): void {
    if (this.noticeTimer !== undefined) clearTimeout(this.noticeTimer);
    this.noticeTimer = undefined;
    const text = message ?? this.standing();
    this.notice.hidden = !text;
    this.notice.textContent = text ?? '';
    if (message) this.noticeTimer = setTimeout(() => this.showNotice(), 6_000);
  }

  /** The whole view could not be shown (the graph failed to load). */
  showFatal(lang: Lang, message: string): void {
    this.progress.hide();
    this.errorBox.hidden = false;
    this.errorBox.textContent = t(lang, 'loadFailed', { message });
  }

  relabel(lang: Lang, synthetic: boolean): void {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    byId('title').textContent = t(lang, 'title');
    const badge = byId('dataset-badge');
    badge.hidden = !synthetic;
    badge.textContent = t(lang, 'synthetic');
  }

  dispose(): void {
    if (this.noticeTimer !== undefined) clearTimeout(this.noticeTimer);
  }
}
