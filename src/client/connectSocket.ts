import { Socket, connect } from 'node:net';
import { ConnectError } from './clientErrors';
import { describeSocketError } from './socketErrors';

/** Opens a TCP connection, or fails with a ConnectError that says why in plain words. */
export function connectSocket(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    let socket: Socket;
    try {
      socket = connect({ host, port });
    } catch (error) {
      reject(new ConnectError(host, port, (error as Error).message)); // e.g. a port out of range
      return;
    }
    const fail = (detail: string) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new ConnectError(host, port, detail));
    };
    const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
    socket.once('error', (error) => fail(describeSocketError(error)));
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}
