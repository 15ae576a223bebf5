import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { ThrottledLink, type LinkOptions } from './throttledLink';

export interface ThrottledProxyOptions extends LinkOptions {
  targetPort: number;
  targetHost?: string;
}

export interface ThrottledProxy {
  /** Port on 127.0.0.1 to connect to instead of the target. */
  port: number;
  /** Bytes held inside the proxy, both directions, all connections. */
  bufferedBytes(): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 that behaves like a slow link to the target: the same bandwidth and
 * one-way delay in each direction, with a small bounded queue (see ThrottledLink).
 */
export async function startThrottledProxy(options: ThrottledProxyOptions): Promise<ThrottledProxy> {
  const sockets = new Set<Socket>();
  const links = new Set<ThrottledLink>();

  const server = createServer({ allowHalfOpen: true }, (client) => {
    const upstream = connect({
      port: options.targetPort,
      host: options.targetHost ?? '127.0.0.1',
      allowHalfOpen: true,
    });
    const pair = [
      new ThrottledLink(client, upstream, options),
      new ThrottledLink(upstream, client, options),
    ];
    const destroyBoth = () => {
      for (const link of pair) link.stop();
      client.destroy();
      upstream.destroy();
    };
    for (const link of pair) links.add(link);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      // A failure or reset at either end takes the whole path down, as it would end to end.
      socket.on('error', destroyBoth);
      socket.on('close', (hadError) => {
        sockets.delete(socket);
        if (hadError) destroyBoth();
        if (client.destroyed && upstream.destroyed) for (const link of pair) links.delete(link);
      });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    bufferedBytes: () => [...links].reduce((sum, link) => sum + link.bufferedBytes, 0),
    close: async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const link of links) link.stop();
      for (const socket of sockets) socket.destroy();
      await stopped;
    },
  };
}
