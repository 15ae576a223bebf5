/**
 * What to do about a failed connection, from main's words for why (src/client/socketErrors.ts,
 * src/player/playbackErrors.ts), or null when there is nothing better than Retry. The banner
 * said only what went wrong ("connection refused"), not what a person can check.
 */
const ADVICE: ReadonlyArray<[RegExp, string]> = [
  [
    /host not found|host name lookup failed/i,
    'Check the server host: no computer by that name was found.',
  ],
  [
    /connection refused/i,
    'Nothing is listening on that port. Check the port, and that the library is being hosted.',
  ],
  [
    /timed out after|host unreachable|network unreachable/i,
    'Check the address, and that the computer is on and on your network.',
  ],
  [/not a Tidewave server/i, 'Check the port: another program answers on it.'],
  [
    /did not answer the list request/i,
    'The server may be busy, or another program answers on that port. Try again, or check the port.',
  ],
];

export function connectionAdvice(error: string | null): string | null {
  if (!error) return null;
  return ADVICE.find(([pattern]) => pattern.test(error))?.[1] ?? null;
}

/** Main's "Cannot connect to host:port: why", without the address the banner's title names. */
export function connectionDetail(error: string, host: string, port: number): string {
  const prefix = `Cannot connect to ${host}:${port}: `;
  if (!error.startsWith(prefix)) return error;
  const why = error.slice(prefix.length);
  return why.charAt(0).toUpperCase() + why.slice(1);
}
