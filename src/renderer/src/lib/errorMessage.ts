/** A readable message from whatever an IPC call or event rejected with. */
export function errorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  // Electron prefixes invoke failures with "Error invoking remote method 'x': Error: ".
  return (
    raw.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '') || 'Unknown error'
  );
}
