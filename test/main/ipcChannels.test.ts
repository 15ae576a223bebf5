import { describe, expect, it } from 'vitest';
import { IpcEvent, IpcInvoke } from '../../src/shared/ipcChannels';

describe('IPC channel names', () => {
  it('are unique across invoke and event channels', () => {
    const all = [...Object.values(IpcInvoke), ...Object.values(IpcEvent)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('are namespaced "area:action" strings', () => {
    for (const channel of [...Object.values(IpcInvoke), ...Object.values(IpcEvent)]) {
      expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
    }
  });
});
