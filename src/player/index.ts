export * from './appServices';
export * from './hostService';
export * from './playbackErrors';
export * from './playbackService';
export * from './settingsStore';
export * from './shareAddresses';
