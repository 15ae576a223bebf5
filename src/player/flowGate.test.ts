import { describe, expect, it } from 'vitest';
import { FlowGate } from './flowGate';

describe('FlowGate', () => {
  it('closes once emitted audio reaches the maximum, counting from the last report', () => {
    const gate = new FlowGate(6, 3);
    gate.onEmitted(4);
    expect(gate.isOpen).toBe(true);
    gate.onReport(1); // the renderer played 3 s of it
    gate.onEmitted(4.5);
    expect(gate.bufferedSeconds).toBe(5.5);
    expect(gate.isOpen).toBe(true);
    gate.onEmitted(0.5);
    expect(gate.isOpen).toBe(false);
  });

  it('opens only below the resume mark, waking the reader', async () => {
    const gate = new FlowGate(6, 3);
    gate.onEmitted(6);
    let woke = false;
    const waiting = gate.whenOpen().then(() => (woke = true));
    gate.onReport(4);
    await Promise.resolve();
    expect(woke).toBe(false);
    gate.onReport(2.9);
    await waiting;
    expect(gate.isOpen).toBe(true);
  });

  it('closes on a report of a full buffer, and release opens it for good', async () => {
    const gate = new FlowGate(6, 3, 7);
    expect(gate.isOpen).toBe(false);
    const waiting = gate.whenOpen();
    gate.release();
    await waiting;
    gate.onEmitted(100);
    expect(gate.isOpen).toBe(true);
  });
});
