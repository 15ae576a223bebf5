export * from './pcmChunk';
export * from './streamDecoder';
export * from './decoderError';
export * from './mp3StreamDecoder';
export * from './workerDecoder';
export * from './decoderWorkerEntry';
