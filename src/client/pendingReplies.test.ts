import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodePacketBody } from '../protocol';
import { ConnectionClosedError, RequestTimeoutError } from './clientErrors';
import { PendingReplies } from './pendingReplies';

const reply = (text: string) => decodePacketBody(Buffer.from(text, 'latin1'));

describe('PendingReplies', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers requests of each type in the order they were made', async () => {
    const pending = new PendingReplies();
    const first = pending.expect('list', 1000);
    const stop = pending.expect('stop', 1000);
    const second = pending.expect('list', 1000);
    expect(pending.settle(reply('stop<NEXT;>'))).toBe(true);
    expect(pending.settle(reply('list<NEXT;>a<NEXT;>'))).toBe(true);
    expect(pending.settle(reply('list<NEXT;>b<NEXT;>'))).toBe(true);
    expect((await first).fields[1].toString()).toBe('a');
    expect((await second).fields[1].toString()).toBe('b');
    expect((await stop).type).toBe('stop');
    expect(pending.count()).toBe(0);
  });

  it('says when nobody waited for a reply', () => {
    expect(new PendingReplies().settle(reply('stop<NEXT;>'))).toBe(false);
  });

  it('keeps a timed-out request in line so a late reply is not taken for the next one', async () => {
    vi.useFakeTimers();
    const pending = new PendingReplies();
    const late = pending.expect('list', 100);
    const lateOutcome = late.catch((error: unknown) => error);
    vi.advanceTimersByTime(100);
    expect(await lateOutcome).toBeInstanceOf(RequestTimeoutError);
    const next = pending.expect('list', 100);
    expect(pending.count('list')).toBe(2);
    pending.settle(reply('list<NEXT;>late<NEXT;>'));
    pending.settle(reply('list<NEXT;>fresh<NEXT;>'));
    expect((await next).fields[1].toString()).toBe('fresh');
  });

  it('fails every waiting request when the connection goes', async () => {
    const pending = new PendingReplies();
    const requests = [pending.expect('list', 1000), pending.expect('quit', 1000)];
    pending.rejectAll(new ConnectionClosedError('Server closed the connection'));
    for (const request of requests) {
      await expect(request).rejects.toThrow('Server closed the connection');
    }
    expect(pending.count()).toBe(0);
  });
});
