import type { MPEGDecoder } from 'mpg123-decoder';

/**
 * The parts of mpg123-decoder 1.0.x (pinned by package-lock.json) that a new mpg123 handle in
 * the same WASM instance needs. Not its public API, which starts a new stream only with a new
 * instance (a spare made ahead was measured slower: ARCHITECTURE, "Why the renewal stays on the
 * library's internals"): `mpegHandle.test.ts` fails if an update moves them, and
 * `renewMpegHandle` then says no and the library's own reset is used.
 */
interface MpegInternals {
  _common?: {
    wasm?: {
      HEAP?: ArrayBuffer;
      malloc?: (bytes: number) => number;
      free?: (pointer: number) => void;
      mpeg_frame_decoder_create?: (handleOut: number, gapless: number) => number;
      mpeg_frame_decoder_destroy?: (handle: number) => void;
    };
  };
  _decoder?: number;
  _sampleRate?: number;
  _inputBytes?: number;
  _outputSamples?: number;
  _frameNumber?: number;
}

/**
 * Starts a new song on `mpeg` with a fresh mpg123 handle (stream state, bit reservoir, gapless
 * trimming: all of it lives in the handle) inside the same WASM instance, instead of the
 * library's reset, which frees the instance and builds a new one with a new 16 MiB memory: about
 * 1 ms, and the old memories set off ~10 ms collections in the worker. Returns false, having
 * changed nothing, when the internals are not where 1.0.x keeps them.
 */
export function renewMpegHandle(mpeg: MPEGDecoder): boolean {
  const internals = mpeg as unknown as MpegInternals;
  const wasm = internals._common?.wasm;
  const old = internals._decoder;
  if (
    !wasm?.HEAP ||
    !wasm.malloc ||
    !wasm.free ||
    !wasm.mpeg_frame_decoder_create ||
    !wasm.mpeg_frame_decoder_destroy ||
    typeof old !== 'number'
  ) {
    return false;
  }
  const handleOut = wasm.malloc(4);
  const error = wasm.mpeg_frame_decoder_create(handleOut, 1); // gapless, as the library makes it
  const handle = new Uint32Array(wasm.HEAP, handleOut, 1)[0];
  wasm.free(handleOut);
  if (error) throw new Error(`mpg123 could not make a new handle (${error})`);
  wasm.mpeg_frame_decoder_destroy(old);
  // mpeg_frame_decoder_destroy frees the handle itself (the library frees it again, harmlessly,
  // only because it then drops the whole instance; here a second free would corrupt its heap).
  internals._decoder = handle;
  internals._sampleRate = 0;
  internals._inputBytes = 0;
  internals._outputSamples = 0;
  internals._frameNumber = 0;
  return true;
}
