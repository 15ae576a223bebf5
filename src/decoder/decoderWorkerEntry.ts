import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The decoder worker's TypeScript source, for tests and tsx. A bundled app passes the path of its
 * built worker instead (see src/main/decoderWorkerPath.ts).
 */
export const SOURCE_DECODER_WORKER = join(
  dirname(fileURLToPath(import.meta.url)),
  'decoderWorker.ts',
);
