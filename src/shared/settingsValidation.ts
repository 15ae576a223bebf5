/** Checks a settings patch from the renderer field by field (the setSettings channel). */
import { HOST_LIMIT_RANGES } from './defaults';
import type { HostLimits, ResumePoint, Settings } from './tidewaveApi';
import {
  fail,
  record,
  validateBoolean,
  validateHost,
  validatePort,
  validateSongId,
  validateStartSeconds,
} from './validationRules';

export function validateVolume(value: unknown): number {
  const ok = typeof value === 'number' && value >= 0 && value <= 1;
  return ok ? value : fail('volume', 'a number from 0 to 1', value);
}

/** The level unmuting comes back to: a muted level (0) is none. */
export function validateUnmutedVolume(value: unknown): number {
  const ok = typeof value === 'number' && value > 0 && value <= 1;
  return ok ? value : fail('unmutedVolume', 'a number above 0, up to 1', value);
}

/** Where to come back to after a restart; null forgets it. */
export function validateResumePoint(value: unknown): ResumePoint | null {
  if (value === null) return null;
  const fields = record('resume point', value, ['host', 'port', 'songId', 'seconds']);
  return {
    host: validateHost(fields.host),
    port: validatePort(fields.port),
    songId: validateSongId(fields.songId),
    seconds: validateStartSeconds(fields.seconds),
  };
}

/** All three caps, each a whole number in its range (HOST_LIMIT_RANGES). */
export function validateHostLimits(value: unknown): HostLimits {
  const names = Object.keys(HOST_LIMIT_RANGES) as Array<keyof HostLimits>;
  const fields = record('hostLimits', value, names);
  const limits = {} as HostLimits;
  for (const name of names) {
    const { min, max } = HOST_LIMIT_RANGES[name];
    const field = fields[name];
    const ok = Number.isInteger(field) && (field as number) >= min && (field as number) <= max;
    limits[name] = ok ? (field as number) : fail(name, `an integer from ${min} to ${max}`, field);
  }
  return limits;
}

const SETTINGS_FIELDS: { [K in keyof Settings]-?: (value: unknown) => Settings[K] } = {
  host: validateHost,
  port: (value) => validatePort(value),
  volume: validateVolume,
  unmutedVolume: validateUnmutedVolume,
  onboarded: (value) => validateBoolean('onboarded', value),
  resume: validateResumePoint,
  keepPlayingInTray: (value) => validateBoolean('keepPlayingInTray', value),
  notifyOnNewSong: (value) => validateBoolean('notifyOnNewSong', value),
  hostLimits: validateHostLimits,
};

export function validateSettingsPatch(value: unknown): Partial<Settings> {
  const fields = record('settings', value, Object.keys(SETTINGS_FIELDS));
  const patch: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    patch[key] = SETTINGS_FIELDS[key as keyof Settings](field);
  }
  return patch as Partial<Settings>;
}
