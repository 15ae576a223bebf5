/**
 * Library failures one song may have before it is given up. Each one costs a new WASM instance
 * (0.3–2 ms, and now and then a ~10 ms collection), so a file that makes the library trap on
 * frame after frame fails at once instead of building an instance per frame.
 */
export const MAX_FAILURES_PER_SONG = 4;

/**
 * After a call into a decoding library threw (a WASM trap, say) and its instance was dropped:
 * whether the song goes on from its next bytes on a new instance, or fails. It can go on only
 * where each unit decodes alone and the decoder knows where the next one starts (native FLAC:
 * the frame splitter's proven frame starts); an Ogg Vorbis or Opus stream's setup headers, or
 * MP3's bit reservoir, were in the dropped instance.
 */
export function afterLibraryFailure({
  resumable,
  failuresThisSong,
}: {
  resumable: boolean;
  failuresThisSong: number;
}): 'resume' | 'fail' {
  return resumable && failuresThisSong <= MAX_FAILURES_PER_SONG ? 'resume' : 'fail';
}
