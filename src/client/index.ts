export * from './clientErrors';
export * from './clientSession';
export * from './clientSessionTypes';
export * from './songListReply';
export * from './songStream';
