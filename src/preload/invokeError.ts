/** Electron adds "Error invoking remote method 'x': Error: " to rejected invokes; drop it. */
export function cleanInvokeError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''));
}
