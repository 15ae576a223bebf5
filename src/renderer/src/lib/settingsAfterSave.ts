import type { Settings } from '../../../shared/tidewaveApi';

/**
 * The settings once main has answered a save of `patch` with `saved`: main's (checked) values
 * for the fields the patch named, this page's for the rest. Main's answer whole would undo what
 * changed here while the save was under way: an M pressed just after a connect was unmuted
 * again when the connect's save of the host answered, with the volume from before the M.
 */
export function settingsAfterSave(
  current: Settings | null,
  patch: Partial<Settings>,
  saved: Settings,
): Settings {
  if (current === null) return saved;
  const next: Partial<Record<keyof Settings, unknown>> = { ...current };
  for (const key of Object.keys(patch) as Array<keyof Settings>) {
    // A field main's checks dropped (an optional one out of range) is dropped here too.
    if (key in saved) next[key] = saved[key];
    else delete next[key];
  }
  return next as Settings;
}
