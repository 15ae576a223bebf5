import { beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../lib/api';
import { createFakeApi } from '../../../../test/support/renderer/fakeApi';
import type { ListenerInfo, RefusalInfo } from '../../../shared/tidewaveApi';
import { useListenersStore } from './listenersStore';

const listener = (bytesSent: number): ListenerInfo => ({
  id: 1,
  address: '127.0.0.1',
  port: 5000,
  name: 'Den',
  songId: 1,
  songTitle: 'Glass Tide',
  since: 0,
  bytesSent,
});
const refusal: RefusalInfo = {
  address: '203.0.113.5',
  count: 3,
  reason: 'wrong-code',
  lastAt: 10,
  delayMs: 2_000,
  cappedUntil: null,
};

let fake: ReturnType<typeof createFakeApi>;
beforeEach(() => {
  fake = createFakeApi();
  installApi(fake.api);
  useListenersStore.setState({ listeners: [], refusals: [], readAt: 0, error: null });
});

describe('listeners store (pushed by main)', () => {
  it('keeps an unchanged part as it was, so its narrow selector does not redraw', () => {
    const store = useListenersStore.getState();
    store.setActivity({ listeners: [listener(100)], refusals: [refusal], readAt: 1 });
    const { listeners, refusals } = useListenersStore.getState();
    // Only bytes sent moved: the refusals are the same array, the listeners a new one.
    store.setActivity({ listeners: [listener(900)], refusals: [{ ...refusal }], readAt: 2 });
    expect(useListenersStore.getState().refusals).toBe(refusals);
    expect(useListenersStore.getState().listeners).not.toBe(listeners);
    expect(useListenersStore.getState().listeners[0].bytesSent).toBe(900);
    // A new refusal count is a change.
    store.setActivity({
      listeners: [listener(900)],
      refusals: [{ ...refusal, count: 4 }],
      readAt: 3,
    });
    expect(useListenersStore.getState().refusals).not.toBe(refusals);
  });

  it('loads the picture once at start and shows a failed disconnect', async () => {
    fake.api.getHostActivity.mockResolvedValueOnce({
      listeners: [listener(5)],
      refusals: [refusal],
      readAt: 7,
    });
    await useListenersStore.getState().load();
    expect(useListenersStore.getState()).toMatchObject({ readAt: 7, refusals: [refusal] });
    fake.api.disconnectListener.mockRejectedValueOnce(new Error('not hosting'));
    await useListenersStore.getState().disconnect(1);
    expect(useListenersStore.getState().error).toBe('not hosting');
  });

  it('keeps a push that came before the slower answer of the load it followed', async () => {
    let answer: (activity: { listeners: []; refusals: []; readAt: number }) => void = () => {};
    fake.api.getHostActivity.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const loading = useListenersStore.getState().load();
    // Main read the picture (nobody refused) at 5; the refusal's push, read at 9, comes first.
    useListenersStore.getState().setActivity({ listeners: [], refusals: [refusal], readAt: 9 });
    answer({ listeners: [], refusals: [], readAt: 5 });
    await loading;
    expect(useListenersStore.getState()).toMatchObject({ readAt: 9, refusals: [refusal] });
  });

  it('drops a push older than the load answer that came before it', async () => {
    // Main read the picture (the refusal) at 9; a push read at 5 (nobody refused) comes after it.
    fake.api.getHostActivity.mockResolvedValueOnce({
      listeners: [],
      refusals: [refusal],
      readAt: 9,
    });
    await useListenersStore.getState().load();
    useListenersStore.getState().setActivity({ listeners: [], refusals: [], readAt: 5 });
    expect(useListenersStore.getState()).toMatchObject({ readAt: 9, refusals: [refusal] });
  });
});
