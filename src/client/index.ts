export * from './clientErrors';
export * from './clientSession';
export * from './clientSessionTypes';
export * from './songListReply';
export * from './songStream';
export * from './playRequestCheck';
export * from './streamOrigin';
export * from './changedNotice';
