export * from './appSettings';
export * from './hostingRecord';
export * from './accessCodes';
