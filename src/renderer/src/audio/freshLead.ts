/** Frames the audio thread renders at a time (Web Audio's render quantum). */
export const RENDER_QUANTUM_FRAMES = 128;

/** What decides how far ahead of now a fresh run of the queue starts. */
export interface LeadInputs {
  /** Seconds of audio queued for the run as it starts (its first chunk). */
  queuedSeconds: number;
  /** How long the next chunk may take to arrive after this one (seconds). */
  expectedWaitSeconds: number;
  /** The least lead the audio thread allows (see `minimumLeadSeconds`). */
  minimumSeconds: number;
}

/**
 * How far ahead of the context's clock a fresh run starts (a click, not a gapless follow-on).
 * The lead exists only so the next chunk arrives before the queued audio runs out: whatever
 * audio is already queued plays during that wait, so only the rest of it is added to the
 * click. A first chunk that covers the wait starts at once; a tiny one waits just enough.
 */
export function freshLead({
  queuedSeconds,
  expectedWaitSeconds,
  minimumSeconds,
}: LeadInputs): number {
  return Math.max(minimumSeconds, expectedWaitSeconds - queuedSeconds);
}

/**
 * The least lead the audio thread allows: it renders a whole output buffer (about the context's
 * baseLatency) at a time, and the context's clock may stand at the start of one being rendered,
 * so a start must lie past that buffer and one more render quantum, or its first samples would
 * be late. A context that reports no baseLatency gets 10 ms (Chromium's 'balanced' buffer).
 */
export function minimumLeadSeconds(baseLatency: number | undefined, sampleRate: number): number {
  const buffer = baseLatency !== undefined && baseLatency > 0 ? baseLatency : 0.01;
  return buffer + RENDER_QUANTUM_FRAMES / sampleRate;
}
