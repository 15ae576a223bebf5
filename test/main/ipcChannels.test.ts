import { describe, expect, it } from 'vitest';
import { IpcEvent, IpcInvoke, IpcPort, IpcSend } from '../../src/shared/ipcChannels';

const ALL = [
  ...Object.values(IpcInvoke),
  ...Object.values(IpcSend),
  ...Object.values(IpcEvent),
  ...Object.values(IpcPort),
];

describe('IPC channel names', () => {
  it('are unique across invoke, send, event and port channels', () => {
    expect(new Set(ALL).size).toBe(ALL.length);
  });

  it('are namespaced "area:action" strings', () => {
    for (const channel of ALL) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
  });
});
