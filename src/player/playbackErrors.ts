import {
  ConnectError,
  ConnectionClosedError,
  PlayRefusedError,
  RequestTimeoutError,
} from '../client';
import { DecoderError } from '../decoder';

/** The message a person sees when the connection ends without being asked to. */
export function describeConnectionLoss(reason: string): string {
  if (/^server closed the connection$/i.test(reason)) return 'The server closed the connection';
  if (/^connection reset by server$/i.test(reason)) return 'The server reset the connection';
  return reason;
}

/** Turns an error from the client session or the decoder into one readable sentence. */
export function describePlaybackError(error: unknown): string {
  if (error instanceof ConnectError || error instanceof DecoderError) return error.message;
  if (error instanceof ConnectionClosedError) return describeConnectionLoss(error.reason);
  if (error instanceof PlayRefusedError) {
    return /unknown song/i.test(error.serverMessage)
      ? `Unknown song ${error.songId}`
      : `The server could not play song ${error.songId}: ${error.serverMessage}`;
  }
  if (error instanceof RequestTimeoutError) {
    return error.request.startsWith('play')
      ? `The server sent nothing for ${error.request.replace('play', 'song')}`
      : `The server did not answer the ${error.request} request in time`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why the first list after connecting failed. A peer that accepts the connection but closes it
 * instead of answering (a web server, ssh) is not a Tidewave server; say that, not "closed". A
 * server that says why it refuses (it is full, it needs an access code) is one: say its reason.
 */
export function describeFirstListFailure(error: unknown): string {
  if (!(error instanceof ConnectionClosedError)) return describePlaybackError(error);
  if (error.refusal) return error.reason;
  return `This is not a Tidewave server: it closed the connection instead of answering (${describeConnectionLoss(error.reason)})`;
}

/** A rejection carrying the readable message. */
export function readableError(error: unknown): Error {
  return new Error(describePlaybackError(error));
}
