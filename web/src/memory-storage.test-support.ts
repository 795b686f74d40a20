// Web Storage kept in a Map, for unit tests (positions, the kept review). `quota`: the most
// characters it holds, past which a write is refused the way a full browser store refuses it.
export class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  /** How many writes succeeded. */
  writes = 0;

  constructor(private readonly quota = Infinity) {}

  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
    if (used + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.writes++;
    this.items.set(key, value);
  }
}
