/// <reference types="electron-vite/node" />
/**
 * The decoder worker as electron-vite builds it: `?modulePath` bundles decoderWorker.ts as its
 * own entry beside the main bundle and gives its path. Only the built main process imports this
 * file (tests and tsx use the .ts source through SOURCE_DECODER_WORKER instead).
 */
import decoderWorkerPath from '../decoder/decoderWorker?modulePath';

export default decoderWorkerPath;
