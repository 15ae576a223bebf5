export * from './wireConstants';
export * from './packetTypes';
export * from './packetEncoder';
export * from './frameParser';
export * from './dataChunker';
export * from './songList';
export * from './messages';
export * from './playDataFrame';
