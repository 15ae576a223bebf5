import { describe, expect, it } from 'vitest';
import { FlowGate } from './flowGate';

describe('FlowGate', () => {
  it('closes once the last report plus what is in flight reaches the maximum', () => {
    const gate = new FlowGate(6, 3);
    gate.onEmitted(4);
    expect(gate.isOpen).toBe(true);
    gate.onReport(1, 4); // received all 4 s and played 3 of them
    gate.onEmitted(4.5);
    expect(gate.bufferedSeconds).toBe(5.5);
    expect(gate.isOpen).toBe(true);
    gate.onEmitted(0.5);
    expect(gate.isOpen).toBe(false);
  });

  it('counts chunks sent after a stale report as still in flight', () => {
    const gate = new FlowGate(6, 3);
    gate.onEmitted(0.25);
    gate.onEmitted(5.75); // sent at once, while the renderer was still writing its first report
    expect(gate.isOpen).toBe(false);
    // Written when only the first chunk had arrived: 0.25 s held, 5.75 s still on the way.
    gate.onReport(0.25, 0.25);
    expect(gate.bufferedSeconds).toBe(6);
    expect(gate.isOpen).toBe(false);
    gate.onReport(2, 2); // played a little, more arrived: still 6 s held or in flight
    expect(gate.isOpen).toBe(false);
    gate.onReport(2.5, 6); // everything arrived and 3.5 s of it played
    expect(gate.bufferedSeconds).toBe(2.5);
    expect(gate.isOpen).toBe(true);
    gate.onEmitted(3);
    gate.onReport(2.5, 6); // the same stale report again: the 3 s sent since still count
    expect(gate.bufferedSeconds).toBe(5.5);
    gate.onEmitted(0.5);
    expect(gate.isOpen).toBe(false);
  });

  it('opens only once held plus in flight is below the resume mark, waking the reader', async () => {
    const gate = new FlowGate(6, 3);
    gate.onEmitted(6);
    let woke = false;
    const waiting = gate.whenOpen().then(() => (woke = true));
    gate.onReport(1, 3); // 1 s held, but 3 s still on the way
    await Promise.resolve();
    expect(woke).toBe(false);
    gate.onReport(4, 6);
    await Promise.resolve();
    expect(woke).toBe(false);
    gate.onReport(2.9, 6);
    await waiting;
    expect(gate.isOpen).toBe(true);
  });

  it('ignores a report written before one it already applied', () => {
    const gate = new FlowGate(6, 3);
    gate.onEmitted(5);
    gate.onReport(4, 5);
    gate.onReport(0, 1); // older: it had seen less of the stream
    expect(gate.bufferedSeconds).toBe(4);
  });

  it('never counts more received than was sent', () => {
    const gate = new FlowGate(6, 3);
    gate.onEmitted(2);
    gate.onReport(1, 2.000001);
    expect(gate.inFlightSeconds).toBe(0);
    gate.onEmitted(1);
    expect(gate.bufferedSeconds).toBe(2);
  });

  it('counts audio carried over from an ended stream until the first report', () => {
    const gate = new FlowGate(6, 3, 4);
    gate.onEmitted(1.5);
    expect(gate.bufferedSeconds).toBe(5.5);
    gate.onEmitted(0.5);
    expect(gate.isOpen).toBe(false);
    // The report covers the old stream's audio too; 1 s of this one is still on the way.
    gate.onReport(1.5, 1);
    expect(gate.bufferedSeconds).toBe(2.5);
    expect(gate.isOpen).toBe(true);
  });

  it('starts closed with a full carried-over buffer, and release opens it for good', async () => {
    const gate = new FlowGate(6, 3, 7);
    expect(gate.isOpen).toBe(false);
    const waiting = gate.whenOpen();
    gate.release();
    await waiting;
    gate.onEmitted(100);
    expect(gate.isOpen).toBe(true);
  });
});

describe('FlowGate across two quick hand-overs', () => {
  it('carries what the first song still has queued through a short second song', () => {
    // Song 1 has ended: the renderer last said it holds 4 s with 0.5 s of song 1 still on the way.
    const first = new FlowGate(6, 3);
    first.onEmitted(5);
    first.onReport(4, 4.5);
    // Song 2 (1 s) is asked for and sent whole before the renderer reports on it.
    const second = new FlowGate(6, 3, first.bufferedSeconds);
    for (let i = 0; i < 4; i++) second.onEmitted(0.25);
    expect(second.bufferedSeconds).toBe(5.5);
    // Song 3 follows at once: it starts from all of that, not from song 2's share.
    const third = new FlowGate(6, 3, second.bufferedSeconds);
    expect(third.bufferedSeconds).toBe(5.5);
    third.onEmitted(0.25);
    third.onEmitted(0.25);
    expect(third.isOpen).toBe(false);
  });

  it("lets the next stream's first report replace the carried estimate, in flight on top", () => {
    const second = new FlowGate(6, 3, 4.5);
    second.onEmitted(1); // all of a short song
    // Written once song 1's last audio and 0.25 s of song 2 had arrived (the renderer reports
    // only on the newest stream, whose audio comes after the older one's).
    second.onReport(4.6, 0.25);
    expect(second.bufferedSeconds).toBe(5.35);
    const third = new FlowGate(6, 3, second.bufferedSeconds);
    third.onEmitted(0.5);
    expect(third.bufferedSeconds).toBe(5.85);
    // Song 3's first report, written before any of its audio arrived, holds song 1 and 2's rest.
    third.onReport(5.2, 0);
    expect(third.bufferedSeconds).toBe(5.7);
  });
});

describe('FlowGate.continuing', () => {
  it('keeps what the stream emitted and the renderer reported, with the bound back', () => {
    const gate = new FlowGate(6, 3);
    gate.onEmitted(7);
    gate.onReport(2, 5); // 2 s held, 2 s in flight
    gate.release(); // the old source died
    const next = FlowGate.continuing(gate);
    expect(next.bufferedSeconds).toBe(4);
    expect(next.isOpen).toBe(true);
    next.onEmitted(2);
    expect(next.isOpen).toBe(false); // the bound of 6 s is back
    next.onReport(1, 9); // the renderer's count of the stream goes on across the resume
    expect(next.bufferedSeconds).toBe(1);
    expect(next.isOpen).toBe(true);
  });
});
