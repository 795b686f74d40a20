// The view store: one value holding everything a shared link must reproduce, updated by
// patches. Each feature owns some of its keys (its slice); the store knows none of them. A
// validator (set once the data has loaded) drops what the data does not know, and listeners
// hear every change with the history mode that the URL binding follows.

/** push: Back undoes it; replace: the link changes, history does not; none: navigation or load. */
export type HistoryMode = 'push' | 'replace' | 'none';

export type StoreListener<S> = (next: S, previous: S, history: HistoryMode) => void;

export class ViewStore<S extends object> {
  private state: S;
  private readonly listeners = new Set<StoreListener<S>>();
  private validate: (state: S) => S = (state) => state;
  private notifying = false;
  private readonly queued: { patch: Partial<S>; history: HistoryMode }[] = [];

  constructor(initial: S) {
    this.state = initial;
  }

  get(): S {
    return this.state;
  }

  /**
   * Merges a patch into the state. A patch given while listeners are being told of another
   * change is applied after them, so every listener sees the changes in order.
   */
  update(patch: Partial<S> | ((state: S) => Partial<S>), history: HistoryMode = 'push'): void {
    const resolved = typeof patch === 'function' ? patch(this.state) : patch;
    this.queued.push({ patch: resolved, history });
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let next = this.queued.shift(); next; next = this.queued.shift()) this.apply(next.patch, next.history);
    } finally {
      this.notifying = false;
      this.queued.length = 0;
    }
  }

  private apply(patch: Partial<S>, history: HistoryMode): void {
    const previous = this.state;
    const next = this.validate({ ...previous, ...patch });
    // Navigation and load always reach the listeners (the screen is brought in line); other
    // updates only when something changed.
    if (history !== 'none' && sameState(previous, next)) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next, previous, history);
  }

  /** The validator is applied to the current state at once, without history. */
  setValidator(validate: (state: S) => S): void {
    this.validate = validate;
    this.state = validate(this.state);
  }

  subscribe(listener: StoreListener<S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.listeners.clear();
  }
}

/** Structural equality of two plain states (what a link would show). */
export function sameState(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether any of the named keys differs between two states (by value). */
export function changed<S extends object>(a: S, b: S, keys: readonly (keyof S)[]): boolean {
  return keys.some((key) => a[key] !== b[key] && JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}
