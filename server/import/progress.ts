// A progress line for the terminal: phase, done/total, rows per second and the time left.
// Written at most a few times a second, to stderr, so that stdout stays the summary.

export interface ProgressLine {
  update(phase: string, done: number, total: number): void;
  end(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const tty = stream.isTTY === true;
  let phase = '';
  let started = performance.now();
  let last = 0;
  return {
    update(next, done, total) {
      const now = performance.now();
      const newPhase = next !== phase;
      if (newPhase) {
        phase = next;
        started = now;
      }
      if (!newPhase && now - last < (tty ? 200 : 2_000) && done < total) return;
      last = now;
      const seconds = Math.max(0.001, (now - started) / 1000);
      const rate = done / seconds;
      const eta = rate > 0 && total > done ? (total - done) / rate : 0;
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      const text = `  ${phase.padEnd(9)} ${bar} ${done}/${total}  ${Math.round(rate)} rows/s  ETA ${eta.toFixed(0)} s`;
      stream.write(tty ? `\r${text}\u001b[K` : `${text}\n`);
    },
    end() {
      if (tty) stream.write('\n');
    },
  };
}
