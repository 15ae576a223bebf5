export { CoverCache, DEFAULT_COVER_CACHE_BYTES, type CachedCover } from './coverCache';
export { CoverService, type CoverServiceOptions } from './coverService';
