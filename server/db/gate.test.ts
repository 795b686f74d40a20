import { afterEach, describe, expect, it, vi } from 'vitest';
import { AvailabilityGate } from './gate.ts';

/** A probe whose answers the test decides: each call waits until the test settles it. */
function controlledProbe() {
  const calls: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const probe = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return { probe, calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the availability gate', () => {
  it('closes on a failure from the current epoch and reopens when a probe succeeds', async () => {
    vi.useFakeTimers();
    const { probe, calls } = controlledProbe();
    const opened: number[] = [];
    const gate = new AvailabilityGate({ probe, intervalMs: 200, onOpen: (ms) => opened.push(ms) });
    expect(gate.isOpen).toBe(true);
    gate.reportUnavailable(gate.epoch);
    expect(gate.isOpen).toBe(false);
    expect(probe).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(200);
    expect(probe).toHaveBeenCalledTimes(1);
    calls[0]?.reject(new Error('refused'));
    await vi.advanceTimersByTimeAsync(199);
    expect(probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(gate.isOpen).toBe(false);

    calls[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.isOpen).toBe(true);
    expect(gate.epoch).toBe(1);
    expect(opened).toEqual([400]);
    // Open again: no more probes.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(probe).toHaveBeenCalledTimes(2);
    gate.stop();
  });

  it('ignores failures of requests that started before the last recovery', async () => {
    vi.useFakeTimers();
    const { probe, calls } = controlledProbe();
    const closed = vi.fn();
    const gate = new AvailabilityGate({ probe, intervalMs: 100, onClose: closed });
    const before = gate.epoch; // a slow request starts
    gate.reportUnavailable(gate.epoch); // another request sees the outage
    await vi.advanceTimersByTimeAsync(100);
    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.isOpen).toBe(true);

    // The slow request, begun before the recovery, fails now: the gate stays open.
    gate.reportUnavailable(before);
    expect(gate.isOpen).toBe(true);
    expect(closed).toHaveBeenCalledTimes(1);
    // A request begun after the recovery that fails does close it.
    gate.reportUnavailable(gate.epoch);
    expect(gate.isOpen).toBe(false);
    expect(closed).toHaveBeenCalledTimes(2);
    gate.stop();
  });

  it('reports a closing once however many requests fail, and runs one probe at a time', async () => {
    vi.useFakeTimers();
    const { probe, calls } = controlledProbe();
    const closed = vi.fn();
    const gate = new AvailabilityGate({ probe, intervalMs: 50, onClose: closed });
    const epoch = gate.epoch;
    for (let i = 0; i < 20; i++) gate.reportUnavailable(epoch);
    expect(closed).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(50);
    // The probe hangs: no second probe starts beside it, however long it takes.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(probe).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) gate.reportUnavailable(epoch);
    expect(probe).toHaveBeenCalledTimes(1);
    calls[0]?.reject(new Error('timed out'));
    await vi.advanceTimersByTimeAsync(50);
    expect(probe).toHaveBeenCalledTimes(2);
    gate.stop();
  });

  it('stops probing when stopped', async () => {
    vi.useFakeTimers();
    const probe = vi.fn(() => Promise.reject(new Error('down')));
    const gate = new AvailabilityGate({ probe, intervalMs: 100 });
    gate.reportUnavailable(gate.epoch);
    await vi.advanceTimersByTimeAsync(350);
    const calls = probe.mock.calls.length;
    expect(calls).toBeGreaterThanOrEqual(3);
    gate.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe.mock.calls.length).toBe(calls);
  });
});
