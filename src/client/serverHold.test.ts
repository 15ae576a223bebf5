import { afterEach, describe, expect, it } from 'vitest';
import { ServerHold } from './serverHold';

describe('ServerHold', () => {
  const holds: ServerHold[] = [];
  afterEach(() => holds.splice(0).forEach((hold) => hold.dispose()));

  function make(flowPauseAfterMs = 30) {
    const sent: string[] = [];
    const hold = new ServerHold((wire) => sent.push(wire.toString('latin1')), flowPauseAfterMs);
    holds.push(hold);
    return { hold, sent };
  }
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('sends nothing to a server that did not advertise pause', async () => {
    const { hold, sent } = make();
    hold.setListenerPaused(true);
    hold.setFlowHeld(true);
    await wait(60);
    expect(sent).toEqual([]);
  });

  it('sends pause once when the listener pauses, and resume once when they go on', () => {
    const { hold, sent } = make();
    hold.setSupported(true);
    hold.setListenerPaused(true);
    hold.setListenerPaused(true);
    hold.setListenerPaused(false);
    expect(sent).toEqual(['pause<NEXT;><END;>', 'resume<NEXT;><END;>']);
  });

  it('pauses the server only for a flow-control hold that lasts, and resumes when it ends', async () => {
    const { hold, sent } = make(30);
    hold.setSupported(true);
    hold.setFlowHeld(true);
    hold.setFlowHeld(false); // a moment's hold: nothing
    hold.setFlowHeld(true);
    expect(sent).toEqual([]);
    await wait(60);
    expect(sent).toEqual(['pause<NEXT;><END;>']);
    hold.setFlowHeld(false);
    expect(sent).toEqual(['pause<NEXT;><END;>', 'resume<NEXT;><END;>']);
  });

  it('after a new play (which the server starts unpaused) pauses again if still paused', () => {
    const { hold, sent } = make();
    hold.setSupported(true);
    hold.setListenerPaused(true);
    hold.onPlaySent();
    expect(sent).toEqual(['pause<NEXT;><END;>', 'pause<NEXT;><END;>']);
  });

  it('tells its owner each time the server is asked to hold or to go on, and a play ends it', () => {
    const told: boolean[] = [];
    const hold = new ServerHold(
      () => {},
      30,
      (holding) => told.push(holding),
    );
    holds.push(hold);
    hold.setSupported(true);
    hold.setListenerPaused(true);
    hold.onPlaySent(); // a new song starts unpaused, then is paused again at once
    hold.setListenerPaused(false);
    expect(told).toEqual([true, false, true, false]);
  });

  it('says whether the hold is the listener’s: not for a full reader, nor without support', async () => {
    const { hold } = make(30);
    hold.setListenerPaused(true);
    expect(hold.heldForListener).toBe(false); // no `pause` named: nothing was asked
    hold.setSupported(true);
    hold.setListenerPaused(true);
    expect(hold.heldForListener).toBe(true);
    hold.setListenerPaused(false);
    expect(hold.heldForListener).toBe(false);
    hold.setFlowHeld(true);
    await wait(60);
    expect(hold.heldForListener).toBe(false); // held, but because the reader is full
    hold.setListenerPaused(true); // already held: nothing sent, but the listener's now too
    expect(hold.heldForListener).toBe(true);
    hold.setListenerPaused(false); // the reader is still full: the hold, and whose it is, last
    expect(hold.heldForListener).toBe(true);
    hold.setFlowHeld(false); // resume
    expect(hold.heldForListener).toBe(false);
  });
});
