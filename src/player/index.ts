export * from './playbackErrors';
export * from './playbackService';
export * from './reconnectBackoff';
