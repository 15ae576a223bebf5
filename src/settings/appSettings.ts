import { DEFAULT_SETTINGS } from '../shared/defaults';
import type { Settings } from '../shared/tidewaveApi';
import { sanitizeHostLimits } from './hostLimits';
import { JsonFile } from './jsonFile';

/**
 * The person's settings in a JSON file. A missing file means first run; an unreadable one, or
 * fields of the wrong type, fall back to the defaults (the next update rewrites the file).
 */
export class AppSettings {
  private readonly file: JsonFile;
  private cached: { settings: Settings; fromFile: boolean } | null = null;

  constructor(filePath: string) {
    this.file = new JsonFile(filePath);
  }

  async load(): Promise<Settings> {
    return (await this.current()).settings;
  }

  /** True until settings have been saved once (a corrupt file counts as none). */
  async isFirstRun(): Promise<boolean> {
    return !(await this.current()).fromFile;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const settings = sanitizeSettings({ ...(await this.load()), ...patch });
    this.cached = { settings, fromFile: true };
    await this.file.write(settings);
    return settings;
  }

  private async current(): Promise<{ settings: Settings; fromFile: boolean }> {
    if (this.cached) return this.cached;
    const content = await this.file.read();
    const fromFile = content.kind === 'ok' && isObject(content.value);
    const stored = content.kind === 'ok' && isObject(content.value) ? content.value : {};
    this.cached = { settings: sanitizeSettings(stored), fromFile };
    return this.cached;
  }
}

/** Keeps each known field that has the right type and range; the rest come from the defaults. */
export function sanitizeSettings(value: Record<string, unknown>): Settings {
  const { host, port, volume, onboarded, hostLimits } = value;
  return {
    host: typeof host === 'string' && host.trim() !== '' ? host.trim() : DEFAULT_SETTINGS.host,
    port:
      Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535
        ? (port as number)
        : DEFAULT_SETTINGS.port,
    volume:
      typeof volume === 'number' && volume >= 0 && volume <= 1 ? volume : DEFAULT_SETTINGS.volume,
    onboarded: typeof onboarded === 'boolean' ? onboarded : DEFAULT_SETTINGS.onboarded,
    hostLimits: sanitizeHostLimits(hostLimits),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
