export * from './appServices';
