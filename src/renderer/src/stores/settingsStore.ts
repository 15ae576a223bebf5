import { create } from 'zustand';
import type { Settings } from '../../../shared/tidewaveApi';
import { api } from '../lib/api';
import { toggleMute } from '../lib/muteVolume';
import { settingsAfterSave } from '../lib/settingsAfterSave';

const VOLUME_SAVE_DELAY_MS = 300;

/**
 * Saves a setting nobody waits on (the volume, the level before a mute). A failed save only
 * costs the level on the next start, so it is logged, not shown, and never left unhandled.
 */
function saveQuietly(patch: Partial<Settings>): void {
  api()
    .setSettings(patch)
    .catch((error: unknown) => console.error('Saving a setting failed:', String(error)));
}

interface SettingsStore {
  settings: Settings | null;
  /** The pending save of the volume, restarted by every move of the slider. */
  volumeSaveTimer: ReturnType<typeof setTimeout> | null;
  load(): Promise<void>;
  update(patch: Partial<Settings>): Promise<void>;
  /** Applies at once; saved once the slider rests, so a drag is not dozens of writes. */
  setVolume(volume: number): void;
  /** Mutes, or unmutes to the level before the mute (settings.unmutedVolume). */
  toggleMute(): void;
}

export const useSettings = create<SettingsStore>()((set, get) => ({
  settings: null,
  volumeSaveTimer: null,

  async load() {
    set({ settings: await api().getSettings() });
  },

  async update(patch) {
    const current = get().settings;
    if (current) set({ settings: { ...current, ...patch } });
    const saved = await api().setSettings(patch);
    // Only the fields saved: the rest may have changed here meanwhile (a mute).
    set({ settings: settingsAfterSave(get().settings, patch, saved) });
  },

  setVolume(volume) {
    const current = get().settings;
    if (current) set({ settings: { ...current, volume } });
    const pending = get().volumeSaveTimer;
    if (pending) clearTimeout(pending);
    const volumeSaveTimer = setTimeout(() => {
      set({ volumeSaveTimer: null });
      saveQuietly({ volume });
    }, VOLUME_SAVE_DELAY_MS);
    set({ volumeSaveTimer });
  },

  toggleMute() {
    const { settings } = get();
    const next = toggleMute(settings?.volume ?? 1, settings?.unmutedVolume ?? 1);
    if (settings && next.remembered !== settings.unmutedVolume) {
      set({ settings: { ...settings, unmutedVolume: next.remembered } });
      // Saved with the settings, at once (one write a mute): a restart while muted keeps it.
      saveQuietly({ unmutedVolume: next.remembered });
    }
    get().setVolume(next.volume);
  },
}));
