import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/defaults';
import type { Settings } from '../../../shared/tidewaveApi';
import { settingsAfterSave } from './settingsAfterSave';

const BEFORE: Settings = { ...DEFAULT_SETTINGS, host: '127.0.0.1', volume: 0.4 };

describe('settingsAfterSave', () => {
  it('takes main’s values for the fields saved, and keeps what changed here meanwhile', () => {
    const muted = { ...BEFORE, host: ' elsewhere ', volume: 0, unmutedVolume: 0.4 };
    // Main read the settings before the mute reached it, and trims the host.
    const saved = { ...BEFORE, host: 'elsewhere' };
    expect(settingsAfterSave(muted, { host: ' elsewhere ' }, saved)).toEqual({
      ...BEFORE,
      host: 'elsewhere',
      volume: 0,
      unmutedVolume: 0.4,
    });
  });

  it('drops a field saved that main’s checks left out', () => {
    const current = { ...BEFORE, unmutedVolume: 7 };
    expect(settingsAfterSave(current, { unmutedVolume: 7 }, BEFORE)).toEqual(BEFORE);
  });

  it('takes main’s answer whole before the settings were loaded', () => {
    expect(settingsAfterSave(null, { onboarded: true }, BEFORE)).toBe(BEFORE);
  });
});
