// The admin token for writing stories: asked for in a small dialog the first time (or when the
// server refused it) and kept for the browser tab in sessionStorage under the same key as the
// import dialog's, so that one entry serves both.
import { h } from '../../core/dom.ts';
import { DataSourceError } from '../../data/source.ts';
import { t, type Lang } from '../../i18n.ts';
import { TOKEN_KEY } from '../import/import.ts';

export class TokenPrompt {
  private readonly dialog: HTMLDialogElement;
  private readonly input = h('input', { type: 'password', id: 'story-token', autocomplete: 'off' });
  private readonly title = h('h2');
  private readonly message = h('p', { class: 'story-status bad', id: 'story-token-message' });
  private readonly ok = h('button', { type: 'submit', id: 'story-token-ok', value: 'ok', class: 'primary' });
  private readonly cancel = h('button', { type: 'submit', id: 'story-token-cancel', value: 'cancel' });

  constructor(private readonly lang: () => Lang) {
    const form = h(
      'form',
      { method: 'dialog' },
      this.title,
      this.message,
      h('label', { class: 'story-field' }, this.input),
      h('div', { class: 'story-actions' }, this.ok, this.cancel),
    );
    this.dialog = h('dialog', { id: 'story-token-dialog', class: 'panel import-dialog' }, form);
    document.body.append(this.dialog);
  }

  /** The token kept for this tab, or the one typed into the dialog (undefined: cancelled). */
  private ask(refused: boolean): Promise<string | undefined> {
    const lang = this.lang();
    this.title.textContent = t(lang, 'importToken');
    this.message.textContent = refused ? t(lang, 'storyTokenRefused') : '';
    this.ok.textContent = t(lang, 'storyTokenOk');
    this.cancel.textContent = t(lang, 'storyCancel');
    this.input.setAttribute('aria-label', t(lang, 'importToken'));
    this.input.value = '';
    this.dialog.showModal();
    return new Promise((resolve) => {
      this.dialog.addEventListener(
        'close',
        () => {
          const token = this.input.value.trim();
          const accepted = this.dialog.returnValue === 'ok' && token !== '';
          if (accepted) sessionStorage.setItem(TOKEN_KEY, token);
          resolve(accepted ? token : undefined);
        },
        { once: true },
      );
    });
  }

  /**
   * Runs a write with the token, asking for one first if none is kept; a refused token is asked
   * for again once. Undefined: the user cancelled.
   */
  async run<T>(write: (token: string) => Promise<T>): Promise<T | undefined> {
    const kept = sessionStorage.getItem(TOKEN_KEY);
    let token = kept || (await this.ask(false));
    for (let attempt = 0; token !== undefined; attempt++) {
      try {
        return await write(token);
      } catch (error) {
        const refused = error instanceof DataSourceError && (error.status === 401 || error.status === 403);
        if (!refused || attempt > 0) throw error;
        sessionStorage.removeItem(TOKEN_KEY);
        token = await this.ask(true);
      }
    }
    return undefined;
  }

  dispose(): void {
    this.dialog.remove();
  }
}
