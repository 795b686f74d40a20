// The presenter view: a second window (for the laptop's own screen) with the step's notes, its
// caption and evidence, the next step's title and the counter, kept in step with play mode. The
// same keys work in it. Written as text into a blank window of this page's origin.
import type { Story } from '../../../../domain/story.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';
import { stepText } from './model.ts';

const STYLE = `
body { font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
  margin: 0; padding: 24px 28px; background: #11151d; color: #eef2f8; }
.counter { font-size: 22px; color: #9fb0c8; }
h1 { font-size: 30px; margin: 8px 0 12px; }
.caption { font-size: 20px; line-height: 1.4; color: #cdd6e4; }
.notes { font-size: 24px; line-height: 1.45; white-space: pre-wrap; border-left: 4px solid #f5b83d;
  padding-left: 14px; margin: 18px 0; }
blockquote { font-size: 16px; color: #9fb0c8; margin: 6px 0; }
.next { font-size: 18px; color: #9fb0c8; margin-top: 20px; }
`;

export class PresenterWindow {
  private win: Window | null = null;
  private last: { story: Story; n: number; lang: Lang } | undefined;

  constructor(private readonly onKey: (event: KeyboardEvent) => void) {}

  /** Opens the window (or brings it forward); a blocked pop-up simply leaves none. */
  open(): void {
    if (this.win && !this.win.closed) {
      this.win.focus();
      return;
    }
    const win = window.open('', 'story-presenter', 'popup,width=760,height=560');
    if (!win) return;
    this.win = win;
    win.document.title = 'Presenter';
    win.document.head.append(h('style', {}, STYLE));
    win.addEventListener('keydown', this.onKey, true);
    this.render();
  }

  isOpen(): boolean {
    return this.win !== null && !this.win.closed;
  }

  show(story: Story, n: number, lang: Lang): void {
    this.last = { story, n, lang };
    this.render();
  }

  private render(): void {
    const win = this.win;
    if (!win || win.closed || !this.last) return;
    const { story, n, lang } = this.last;
    const step = story.steps[n - 1];
    if (!step) return;
    const { title, caption } = stepText(step, lang);
    const next = story.steps[n];
    win.document.body.replaceChildren(
      h('div', { class: 'counter', id: 'presenter-counter' }, `${n} / ${story.steps.length}`),
      h('h1', {}, title),
      h('p', { class: 'caption' }, caption),
      h('div', { class: 'notes', id: 'presenter-notes' }, step.notes || t(lang, 'storyNoNotes')),
      ...(step.evidence ?? []).map((e) => h('blockquote', {}, `“${e.quote}” — ${e.source}`)),
      h(
        'p',
        { class: 'next' },
        next ? t(lang, 'storyNextUp', { title: stepText(next, lang).title }) : t(lang, 'storyEnd'),
      ),
    );
  }

  close(): void {
    if (this.win && !this.win.closed) this.win.close();
    this.win = null;
  }
}
