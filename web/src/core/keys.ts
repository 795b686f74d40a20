// Keyboard shortcuts that features register; one listener dispatches them. A key typed into a
// text field belongs to the field unless the binding says otherwise.

export interface KeyBinding {
  /** KeyboardEvent.key, e.g. '/' or 'Escape'. */
  key: string;
  run(event: KeyboardEvent): void;
  /** Also while typing in an input (e.g. Escape). */
  inInputs?: boolean;
}

export class KeyMap {
  private readonly bindings: KeyBinding[] = [];

  add(binding: KeyBinding): void {
    this.bindings.push(binding);
  }

  readonly listener = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing =
      event.target instanceof HTMLInputElement ||
      event.target instanceof HTMLTextAreaElement ||
      event.target instanceof HTMLSelectElement;
    for (const binding of this.bindings) {
      if (binding.key !== event.key || (typing && !binding.inInputs)) continue;
      event.preventDefault();
      binding.run(event);
      return;
    }
  };
}
