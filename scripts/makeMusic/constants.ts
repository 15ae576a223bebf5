/** Audio constants every part of the generator shares. */

export const SAMPLE_RATE = 44100;
export const BITRATE_KBPS = 192;
export const MP3_FRAME_SAMPLES = 1152;

export const TAU = Math.PI * 2;
