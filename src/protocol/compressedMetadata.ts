import { gunzipSync, gzip, gzipSync } from 'node:zlib';

/**
 * Extra field of a `list meta` request: the client reads the metadata document gzip-compressed
 * (PROTOCOL.md §5.1). A 20,000-song document is megabytes of repeated member names; compressed,
 * it stays far inside the client's packet bound.
 */
export const LIST_GZIP_FLAG = 'gzip';

/** How a compressed document field starts; a JSON document starts with `{` instead. */
export const GZIP_DOCUMENT_PREFIX = 'gzip:';

/**
 * Most bytes a compressed document may inflate to: far above any real library (a 20,000-song
 * document with long tags is about 11 MB), small enough that a hostile server cannot exhaust
 * the client's memory with a small packet.
 */
export const MAX_INFLATED_DOCUMENT_BYTES = 128 * 1024 * 1024;

/** The document field for a client that asked for `gzip`: base64 never holds a delimiter. */
export function compressDocumentSync(json: string | Uint8Array): string {
  return GZIP_DOCUMENT_PREFIX + gzipSync(json).toString('base64');
}

/** As compressDocumentSync, compressing on libuv's thread pool (off the event loop). */
export function compressDocument(json: string | Uint8Array): Promise<string> {
  return new Promise((resolve, reject) =>
    gzip(json, (error, zipped) =>
      error ? reject(error) : resolve(GZIP_DOCUMENT_PREFIX + zipped.toString('base64')),
    ),
  );
}

/**
 * The document's JSON text from a reply's third field, compressed or not.
 * @throws Error when the field is compressed but corrupt, or inflates past the bound.
 */
export function documentText(field: Buffer): string {
  const prefix = field.subarray(0, GZIP_DOCUMENT_PREFIX.length).toString('latin1');
  if (prefix !== GZIP_DOCUMENT_PREFIX) return field.toString('utf8');
  const zipped = Buffer.from(field.subarray(prefix.length).toString('latin1'), 'base64');
  return gunzipSync(zipped, { maxOutputLength: MAX_INFLATED_DOCUMENT_BYTES }).toString('utf8');
}
