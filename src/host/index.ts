export * from './hostService';
export * from './shareAddresses';
export * from './hostAnnouncement';
export * from './addressWatch';
