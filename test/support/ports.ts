import { createServer, type Server } from 'node:net';

/** A port that was free a moment ago (nothing listens on it now). */
export async function freePort(): Promise<number> {
  const server = await occupyPort(0);
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Listens on 127.0.0.1:`port` (0 for any), to make a port busy; close it when done. */
export async function occupyPort(port: number): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

export function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}
