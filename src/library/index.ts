export { scanLibrary } from './libraryScanner';
export { LibraryError, type LibraryErrorCode } from './libraryError';
export type { Library, SongEntry } from './libraryTypes';
export type { SongExtras } from './songExtras';
export { sniffFormat, type AudioFormat, type SniffResult } from './sniffFormat';
export { findFrameOffset, nearestFrame, type FrameOffset } from './mp3FrameIndex';
export {
  parseFrameHeader,
  type FrameHeader,
  type MpegLayer,
  type MpegVersion,
} from './mp3FrameHeader';
export { FrameIndexCache } from './frameIndexCache';
export { buildFrameIndex, type FrameIndex } from './buildFrameIndex';
