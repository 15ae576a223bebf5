import { DEFAULT_SETTINGS } from '../shared/defaults';
import type { ResumePoint, Settings } from '../shared/tidewaveApi';
import { sanitizeHostLimits } from './hostLimits';
import { JsonFile } from './jsonFile';

/**
 * The person's settings in a JSON file. A missing file means first run; an unreadable one, or
 * fields of the wrong type, fall back to the defaults (the next update rewrites the file).
 */
export class AppSettings {
  private readonly file: JsonFile;
  private cached: { settings: Settings; fromFile: boolean } | null = null;
  /** Settles once every update asked for so far has settled (they run in turn). */
  private updates: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    filePath: string,
    private readonly log: (message: string) => void = (message) => console.warn(message),
  ) {
    this.file = new JsonFile(filePath);
  }

  async load(): Promise<Settings> {
    return (await this.current()).settings;
  }

  /** True until settings have been saved once (a corrupt file counts as none). */
  async isFirstRun(): Promise<boolean> {
    return !(await this.current()).fromFile;
  }

  /** Updates apply one after another, in the order asked: the last one asked is what stays. */
  update(patch: Partial<Settings>): Promise<Settings> {
    const result = this.updates.then(() => this.apply(patch));
    this.updates = result.catch(() => undefined);
    return result;
  }

  /** Resolves once the updates asked for so far are written (or failed). */
  async flush(): Promise<void> {
    await this.updates;
    await this.file.flush();
  }

  private async apply(patch: Partial<Settings>): Promise<Settings> {
    const settings = sanitizeSettings({ ...(await this.load()), ...patch });
    this.cached = { settings, fromFile: true };
    await this.file.write(settings);
    for (const listener of this.listeners) listener(settings);
    return settings;
  }

  /** Calls `listener` after each saved update (main's tray and notification follow them). */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private async current(): Promise<{ settings: Settings; fromFile: boolean }> {
    if (this.cached) return this.cached;
    const content = await this.file.read();
    if (content.kind === 'corrupt' || (content.kind === 'ok' && !isObject(content.value))) {
      this.log(`Ignoring ${this.file.path}: it is not a settings file; using the defaults`);
    }
    const fromFile = content.kind === 'ok' && isObject(content.value);
    const stored = content.kind === 'ok' && isObject(content.value) ? content.value : {};
    this.cached = { settings: sanitizeSettings(stored), fromFile };
    return this.cached;
  }
}

/** Keeps each known field that has the right type and range; the rest come from the defaults. */
export function sanitizeSettings(value: Record<string, unknown>): Settings {
  const { host, port, volume, unmutedVolume, onboarded, resume } = value;
  const { keepPlayingInTray, notifyOnNewSong, hostLimits } = value;
  return {
    host: typeof host === 'string' && host.trim() !== '' ? host.trim() : DEFAULT_SETTINGS.host,
    port:
      Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535
        ? (port as number)
        : DEFAULT_SETTINGS.port,
    volume:
      typeof volume === 'number' && volume >= 0 && volume <= 1 ? volume : DEFAULT_SETTINGS.volume,
    ...(typeof unmutedVolume === 'number' && unmutedVolume > 0 && unmutedVolume <= 1
      ? { unmutedVolume }
      : {}),
    onboarded: typeof onboarded === 'boolean' ? onboarded : DEFAULT_SETTINGS.onboarded,
    resume: sanitizeResumePoint(resume),
    keepPlayingInTray: keepPlayingInTray === true,
    notifyOnNewSong: notifyOnNewSong === true,
    hostLimits: sanitizeHostLimits(hostLimits),
  };
}

/** A stored resume point, or null when any part of it is missing or out of range. */
export function sanitizeResumePoint(value: unknown): ResumePoint | null {
  if (!isObject(value)) return null;
  const { host, port, songId, seconds } = value;
  const ok =
    typeof host === 'string' &&
    host !== '' &&
    Number.isInteger(port) &&
    (port as number) >= 1 &&
    (port as number) <= 65535 &&
    Number.isSafeInteger(songId) &&
    (songId as number) >= 0 &&
    typeof seconds === 'number' &&
    Number.isFinite(seconds) &&
    seconds >= 0;
  return ok ? { host, port: port as number, songId: songId as number, seconds } : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
