export * from './appSettings';
export * from './hostingRecord';
