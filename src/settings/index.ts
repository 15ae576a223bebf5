export * from './appSettings';
export * from './hostingRecord';
export * from './accessCodes';
export * from './hostLimits';
