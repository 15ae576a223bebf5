export * from './playbackErrors';
export * from './playbackService';
