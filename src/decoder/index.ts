// The light face of the decoder: types, errors, PCM helpers and the worker proxy. The in-thread
// MP3 decoder is not here, since it loads mpg123's WASM: import './mp3StreamDecoder' for that.
export * from './pcmChunk';
export * from './streamDecoder';
export * from './decoderError';
export * from './workerDecoder';
export * from './decoderWorkerEntry';
