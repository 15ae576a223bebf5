export * from './playbackService';
export * from './playbackErrors';
