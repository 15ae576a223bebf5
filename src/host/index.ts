export * from './hostService';
export * from './shareAddresses';
