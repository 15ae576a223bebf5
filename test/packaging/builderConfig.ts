import type { Configuration } from 'electron-builder';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';

/** electron-builder's configuration for a project, read by electron-builder's own loader. */
export function loadBuilderConfig(projectDir: string): Promise<Configuration> {
  return getConfig(projectDir, null, null);
}
