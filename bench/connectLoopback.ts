import { connect, type Socket } from 'node:net';
import { withTimeout } from './timing';

/** A TCP connection to 127.0.0.1:`port`, with Nagle off as every Tidewave peer has it. */
export function connectLoopback(port: number, timeoutMs = 10_000): Promise<Socket> {
  const connected = new Promise<Socket>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.off('error', reject);
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once('error', reject);
  });
  return withTimeout(connected, timeoutMs, `connect to port ${port}`);
}
