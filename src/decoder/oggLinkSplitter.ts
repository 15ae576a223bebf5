import { OggPageWalker } from './oggPageWalker';

const END_OF_STREAM_FLAG = 0x04;

export interface OggSplit {
  /** Bytes of the current link. */
  bytes: Uint8Array;
  /** True when `bytes` ends with the link's last (end-of-stream) page. */
  linkEnded: boolean;
  /** Bytes after the end of the link: the start of the next one (chained Ogg). */
  rest: Uint8Array;
}

/**
 * Follows the page structure of an Ogg stream to find where a logical stream ends, so a chained
 * file (links one after another, each with its own headers) can restart the decoder for each
 * link. Bytes pass through unchanged; only a page header is copied while it is incomplete.
 */
export class OggLinkSplitter {
  private readonly pages = new OggPageWalker();

  push(bytes: Uint8Array): OggSplit {
    let position = 0;
    while (position < bytes.length && !this.pages.lost) {
      const step = this.pages.walk(bytes, position);
      position = step.position;
      if (step.ended && (step.ended[5] & END_OF_STREAM_FLAG) !== 0) {
        return {
          bytes: bytes.subarray(0, position),
          linkEnded: true,
          rest: bytes.subarray(position),
        };
      }
    }
    return { bytes, linkEnded: false, rest: new Uint8Array(0) };
  }
}
