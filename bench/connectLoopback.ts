import { connect, type Socket } from 'node:net';
import { withTimeout } from './timing';

/**
 * A TCP connection to 127.0.0.1:`port`, with Nagle off as every Tidewave peer has it; from
 * `localAddress` (another address of 127/8) when given, as listeners behind a balancer are.
 */
export function connectLoopback(
  port: number,
  timeoutMs = 10_000,
  localAddress?: string,
): Promise<Socket> {
  const connected = new Promise<Socket>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress }, () => {
      socket.off('error', reject);
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once('error', reject);
  });
  return withTimeout(connected, timeoutMs, `connect to port ${port}`);
}
