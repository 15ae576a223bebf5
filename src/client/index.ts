export * from './clientErrors';
export * from './clientSession';
export * from './clientSessionTypes';
export * from './songListReply';
export * from './songStream';
export * from './playRequestCheck';
export * from './streamOrigin';
export { AccessRefusedError, type AccessOutcome } from './accessHandshake';
export * from './changedNotice';
