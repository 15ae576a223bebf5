export { scanLibrary } from './libraryScanner';
export { LibraryError, type LibraryErrorCode } from './libraryError';
export type { Library, SongEntry } from './libraryTypes';
export { planSongSeek } from './mp3FrameIndex';
export { planFormatSeek, SEEKABLE_FORMATS, type FormatSeekPlan } from './formatSeek';
export { planSeek, PastEndError, type SeekPlan } from './seekPlan';
export type { SongExtras } from './songExtras';
export { sniffFormat, type AudioFormat, type SniffResult } from './sniffFormat';
export {
  parseFrameHeader,
  type FrameHeader,
  type MpegLayer,
  type MpegVersion,
} from './mp3FrameHeader';
export { FrameIndexCache } from './frameIndexCache';
export { buildFrameIndex, readSongTimeline, type FrameIndex } from './buildFrameIndex';
export { type SongTimeline, timelineSeconds } from './songTimeline';
export { LibraryCatalog, type LibraryCatalogOptions } from './libraryCatalog';
export type { FoundSongFile } from './findSongFiles';
export type { SongDetailsResult } from './readSongMetadata';
export { LibraryWatcher, type LibraryWatcherOptions } from './libraryWatcher';
export { coverHash, sniffImageType, type CoverMime, type CoverRef } from './coverRef';
export { readEmbeddedPicture } from './readEmbeddedPicture';
export { MAX_COVER_BYTES, SIDECAR_COVER_NAMES } from './sidecarCovers';
