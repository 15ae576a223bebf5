import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_MAX_PACKET_BYTES, FrameParser, type Packet } from '../../src/protocol';
import { ProxyGate, type ConnectionPeer } from '../../src/server/proxyGate';
import { encodeProxyV2 } from '../../src/server/proxyProtocolV2';
import { useTestServers, waitFor, type RunningServer } from '../support/serverHarness';

// Linux routes all of 127/8 to loopback, so 127.0.0.2 can play the balancer on one machine.
const BALANCER = '127.0.0.2';
const LIST = Buffer.from('list<NEXT;><END;>');
const forwardedFrom = (address: string, port: number) =>
  encodeProxyV2({
    command: 'proxy',
    source: { address, port },
    destination: { address: address.includes(':') ? '2001:db8::1' : '192.0.2.1', port: 7000 },
  });

interface Peer {
  socket: Socket;
  packets: Packet[];
  closed: Promise<void>;
}

async function connectFrom(localAddress: string, port: number): Promise<Peer> {
  const socket = connect({ host: '127.0.0.1', port, localAddress });
  await once(socket, 'connect');
  const parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  const packets: Packet[] = [];
  socket.on('data', (chunk: Buffer) => packets.push(...parser.push(chunk)));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, packets, closed };
}

const texts = (packets: Packet[]) => packets.map((p) => p.fields.map((f) => f.toString()));

describe('a server behind a PROXY v2 balancer (--proxy-from)', () => {
  const servers = useTestServers();
  const start = (): Promise<RunningServer> => servers.start({ proxyFrom: [BALANCER] });
  async function peer(from: string): Promise<Peer> {
    const made = await connectFrom(from, servers.running.port);
    servers.onCleanup(() => made.socket.destroy());
    return made;
  }

  it("serves the balancer's clients under their real address, header and request in one write", async () => {
    const { logLines } = await start();
    const client = await peer(BALANCER);
    client.socket.write(Buffer.concat([forwardedFrom('203.0.113.7', 50000), LIST]));
    await waitFor(() => client.packets.length === 1);
    expect(client.packets[0].type).toBe('list');
    expect(logLines).toContain('client 203.0.113.7:50000 connected');
    expect(logLines).toContain('client 203.0.113.7:50000 list');
    expect(logLines.join('\n')).not.toContain(BALANCER);
  });

  it('takes a header that arrives one byte at a time, then the request', async () => {
    const { logLines } = await start();
    const client = await peer(BALANCER);
    for (const byte of forwardedFrom('2001:db8::42', 443)) {
      client.socket.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    client.socket.write(LIST);
    await waitFor(() => client.packets.length === 1);
    expect(logLines).toContain('client 2001:db8::42:443 list');
  });

  it('answers a health check (LOCAL) and keeps it out of the log', async () => {
    const { logLines } = await start();
    const check = await peer(BALANCER);
    check.socket.write(Buffer.concat([encodeProxyV2({ command: 'local' }), LIST]));
    await waitFor(() => check.packets.length === 1);
    expect(check.packets[0].type).toBe('list');
    expect(logLines).toEqual([]);
  });

  it('refuses a balancer connection without a header, with an error packet, and closes it', async () => {
    const { logLines, server } = await start();
    const direct = await peer(BALANCER);
    direct.socket.write(LIST);
    await direct.closed;
    expect(texts(direct.packets)).toEqual([
      ['error', 'connection refused: came from the balancer without a PROXY v2 header'],
    ]);
    expect(logLines.join('\n')).toMatch(
      /connection from 127\.0\.0\.2:\d+ refused: came from the balancer without a PROXY v2 header/,
    );
    expect(server.connectionCount).toBe(0);
  });

  it('refuses a header from anyone but the balancer, and serves them without one', async () => {
    const { logLines } = await start();
    const spoofer = await peer('127.0.0.1');
    spoofer.socket.write(Buffer.concat([forwardedFrom('198.51.100.1', 1), LIST]));
    await spoofer.closed;
    expect(texts(spoofer.packets)).toEqual([
      ['error', 'connection refused: sent a PROXY header but is not the configured balancer'],
    ]);
    expect(logLines.join('\n')).not.toContain('198.51.100.1');

    const local = await peer('127.0.0.1');
    local.socket.write(LIST);
    await waitFor(() => local.packets.length === 1);
    expect(local.packets[0].type).toBe('list');
    expect(logLines).toContain(`client 127.0.0.1:${local.socket.localPort} list`);
  });

  it('closes promptly with a connection still waiting for its header', async () => {
    const { server, logLines } = await start();
    const waiting = await peer(BALANCER);
    waiting.socket.write(forwardedFrom('203.0.113.7', 1).subarray(0, 10));
    // Connections are accepted in order: once a later one is served, the server holds this one.
    const later = await peer(BALANCER);
    later.socket.write(Buffer.concat([forwardedFrom('203.0.113.8', 2), LIST]));
    await waitFor(() => later.packets.length === 1);
    await server.close();
    await waiting.closed;
    // Promptly: by the close itself, before the gate's own header timeout (5 s) refused it. A
    // close that waited for the connection to go by itself would see that refusal first.
    expect(texts(waiting.packets)).toEqual([]);
    expect(logLines.join('\n')).not.toMatch(/refused: showed no complete PROXY header/);
  });
});

describe('ProxyGate bounds', () => {
  const sockets: Socket[] = [];
  let server: Server | undefined;
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function gateServer(gate: ProxyGate, admitted: ConnectionPeer[]): Promise<number> {
    server = createServer((socket) => {
      sockets.push(socket);
      gate.admit(socket, (peer) => admitted.push(peer));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return (server.address() as AddressInfo).port;
  }

  it('refuses a balancer connection that shows no header in time, and any over the pending cap', async () => {
    const lines: string[] = [];
    const admitted: ConnectionPeer[] = [];
    const gate = new ProxyGate({
      balancers: ['::ffff:127.0.0.2'],
      timeoutMs: 200,
      maxPending: 2,
      log: (line) => lines.push(line),
    });
    const port = await gateServer(gate, admitted);
    const silent = await connectFrom(BALANCER, port);
    const second = await connectFrom(BALANCER, port);
    const third = await connectFrom(BALANCER, port);
    sockets.push(silent.socket, second.socket, third.socket);
    await third.closed;
    expect(texts(third.packets)).toEqual([
      ['error', 'connection refused: too many connections still to identify'],
    ]);
    await silent.closed;
    expect(texts(silent.packets)).toEqual([
      ['error', 'connection refused: showed no complete PROXY header within 200 ms'],
    ]);
    expect(admitted).toEqual([]);
    await waitFor(() => gate.heldCount === 0, 5_000);
  });
});
