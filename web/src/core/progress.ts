// The progress box shown for anything that may take over a second (loading, layout).
import { byId } from './dom.ts';

export class ProgressView {
  private readonly root = byId('progress');
  private readonly label = this.root.querySelector<HTMLElement>('.progress-label');
  private readonly bar = this.root.querySelector<HTMLElement>('.progress-bar');

  show(text: string, fraction?: number): void {
    this.root.hidden = false;
    if (this.label) this.label.textContent = text;
    if (this.bar) this.bar.style.width = `${Math.round((fraction ?? 0) * 100)}%`;
    this.root.dataset.state = 'busy';
  }

  hide(): void {
    this.root.hidden = true;
    this.root.dataset.state = 'idle';
  }
}
