// The availability gate: once Neo4j is seen unreachable, requests fail at once (503) instead of
// each waiting on connection attempts, and a probe reopens the gate when Neo4j answers again.
//
// Every opening starts a new epoch. A request remembers the epoch it started in, and only a
// failure from the current epoch may close the gate: a request that began before a recovery
// and fails after it (its connection died with the old server) says nothing about the new one.

export interface GateOptions {
  /** Resolves when the database answers a real query; rejects (or times out) otherwise. */
  probe: () => Promise<void>;
  /** Pause between the end of one failed probe and the next. */
  intervalMs: number;
  onClose?: () => void;
  onOpen?: (closedForMs: number) => void;
  onProbeFailed?: (error: unknown, tookMs: number) => void;
}

export class AvailabilityGate {
  private currentEpoch = 0;
  private closedAt: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private probing = false;
  private stopped = false;

  constructor(private readonly opts: GateOptions) {}

  get isOpen(): boolean {
    return this.closedAt === undefined;
  }

  /** The epoch a request starts in; pass it to `reportUnavailable` if the request fails. */
  get epoch(): number {
    return this.currentEpoch;
  }

  /**
   * A request that started in `epoch` found the database unreachable. Closes the gate (and
   * starts probing) unless the gate is closed already or a recovery happened since.
   */
  reportUnavailable(epoch: number): void {
    if (this.stopped || this.closedAt !== undefined || epoch !== this.currentEpoch) return;
    this.closedAt = Date.now();
    this.opts.onClose?.();
    this.schedule();
  }

  /** Stops probing for good (the process is shutting down). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped || this.probing) return;
    this.timer = setTimeout(() => void this.check(), this.opts.intervalMs);
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    if (this.stopped || this.closedAt === undefined) return;
    this.probing = true;
    let ok = false;
    const started = Date.now();
    try {
      await this.opts.probe();
      ok = true;
    } catch (error) {
      this.opts.onProbeFailed?.(error, Date.now() - started);
    } finally {
      this.probing = false;
    }
    if (this.stopped) return;
    if (!ok) {
      this.schedule();
      return;
    }
    const closedFor = Date.now() - (this.closedAt ?? Date.now());
    this.currentEpoch++;
    this.closedAt = undefined;
    this.opts.onOpen?.(closedFor);
  }
}
