import { afterEach, describe, expect, it } from 'vitest';
import { SocketFlow, type FlowSocket } from './socketFlow';

describe('SocketFlow', () => {
  const flows: SocketFlow[] = [];
  afterEach(() => flows.splice(0).forEach((flow) => flow.hold.dispose()));

  function make(supported: boolean) {
    const written: string[] = [];
    let paused = false;
    const socket: FlowSocket = {
      write: (wire) => written.push(wire.toString('latin1')) > 0,
      pause: () => (paused = true),
      resume: () => (paused = false),
      isPaused: () => paused,
    };
    const reader = { full: false, unread: 0 };
    const flow = new SocketFlow(
      socket,
      {
        readerHoldsBack: () => reader.full,
        unreadSongBytes: () => reader.unread,
        serverHolding: () => {},
      },
      1_000,
      60_000, // no flow-control hold within a test
    );
    flow.hold.setSupported(supported);
    flows.push(flow);
    return { flow, reader, written, isPaused: () => paused };
  }

  it('reads on while the listener pauses, up to its bound, and stops at a full reader again after', () => {
    const { flow, reader, written, isPaused } = make(true);
    reader.full = true;
    reader.unread = 300;
    flow.update();
    expect(isPaused()).toBe(true);
    flow.setListenerPaused(true);
    expect(written).toEqual(['pause<NEXT;><END;>']);
    expect(isPaused()).toBe(false);
    reader.unread = 1_000; // the bound: a server that ignores the hold is not read further
    flow.update();
    expect(isPaused()).toBe(true);
    reader.unread = 999;
    flow.update();
    expect(isPaused()).toBe(false);
    flow.setListenerPaused(false);
    expect(written).toEqual(['pause<NEXT;><END;>', 'resume<NEXT;><END;>']);
    expect(isPaused()).toBe(true);
  });

  it('changes nothing for a server without the pause extension (seed-era or older)', () => {
    const { flow, reader, written, isPaused } = make(false);
    reader.full = true;
    flow.update();
    flow.setListenerPaused(true);
    expect(isPaused()).toBe(true);
    expect(written).toEqual([]);
  });
});
