// The explorer's phase, for the progress display, scripts and tests: 'loading' until the graph
// is in the view, then the name of the oldest unfinished work (e.g. 'layout'), and 'ready' once
// nothing is pending and sigma has drawn the graph as it is (positions fitted to the screen).

export class Phase {
  private loading = true;
  private failed = false;
  private readonly work: { name: string }[] = [];
  private ready = false;
  private generation = 0;

  constructor(private readonly drawn: () => Promise<void>) {}

  current(): string {
    if (this.failed) return 'error';
    if (this.loading) return 'loading';
    return this.work[0]?.name ?? (this.ready ? 'ready' : 'drawing');
  }

  busy(name: string): () => void {
    const token = { name };
    this.work.push(token);
    this.ready = false;
    this.generation++;
    return () => {
      const at = this.work.indexOf(token);
      if (at < 0) return;
      this.work.splice(at, 1);
      void this.settle();
    };
  }

  loaded(): void {
    this.loading = false;
    void this.settle();
  }

  fail(): void {
    this.failed = true;
  }

  /** Another dataset is being loaded: back to 'loading', pending work forgotten. */
  restart(): void {
    this.loading = true;
    this.failed = false;
    this.ready = false;
    this.work.length = 0;
    this.generation++;
  }

  private async settle(): Promise<void> {
    if (this.loading || this.failed || this.work.length > 0) return;
    const generation = ++this.generation;
    await this.drawn();
    if (generation === this.generation && this.work.length === 0) this.ready = true;
  }
}
