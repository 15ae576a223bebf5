/** Why the server could not start listening, in words fit for a user. */
export class ServerStartError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ServerStartError';
  }
}

export function toServerStartError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return new ServerStartError(`Port ${port} is already in use on ${host}`, code);
    case 'EACCES':
    case 'EPERM':
      return new ServerStartError(`Not allowed to listen on ${host}:${port}`, code);
    case 'EADDRNOTAVAIL':
      return new ServerStartError(`Address ${host} does not belong to this machine`, code);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ServerStartError(`Unknown host address: ${host}`, code);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
