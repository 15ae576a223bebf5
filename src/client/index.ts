export * from './clientErrors';
export * from './clientSession';
export * from './songListReply';
export * from './songStream';
