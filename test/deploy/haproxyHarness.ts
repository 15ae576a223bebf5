import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';

export const HAPROXY = '/usr/sbin/haproxy';
export const SHIPPED_CONFIG = path.resolve(import.meta.dirname, '../../deploy/haproxy/haproxy.cfg');

export const haproxyInstalled = (): boolean => existsSync(HAPROXY);

/**
 * Free loopback ports for a config that needs fixed ones: bind port 0 for each, note the
 * port, release them all. Another process could take one in between; unlikely in a test.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
    }
    return servers.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

export interface TestAddresses {
  frontendPort: number;
  replicaPorts: number[];
  adminSocket: string;
}

/**
 * The shipped config with what only a real machine has swapped out: the `global` section (no
 * chroot, user or syslog; an admin socket in a temp folder), the listen address and the
 * replicas' addresses. Everything else (timeouts, checks, balancing, PROXY) is as shipped.
 */
export function deriveTestConfig(shipped: string, addresses: TestAddresses): string {
  const globalStart = shipped.indexOf('\nglobal\n');
  const defaultsStart = shipped.indexOf('\ndefaults\n');
  if (globalStart < 0 || defaultsStart < 0)
    throw new Error('shipped config has no global/defaults');
  const testGlobal = [
    '',
    'global',
    '    maxconn 4000',
    `    stats socket ${addresses.adminSocket} mode 600 level admin`,
    '    stats timeout 30s',
    '',
  ].join('\n');
  let replica = 0;
  const body = shipped
    .slice(defaultsStart)
    .replace(/^(\s*bind )\S+.*$/m, `$1127.0.0.1:${addresses.frontendPort}`)
    .replace(/^(\s*server r\d+ )\S+/gm, (_match, head: string) => {
      const port = addresses.replicaPorts[replica++];
      if (port === undefined) throw new Error('more servers in the config than replica ports');
      return `${head}127.0.0.1:${port}`;
    });
  if (replica !== addresses.replicaPorts.length) throw new Error(`config has ${replica} servers`);
  return shipped.slice(0, globalStart) + testGlobal + body;
}

export interface RunningHaproxy {
  child: ChildProcess;
  output: () => string;
  /** Sends one command on the admin socket and returns the answer. */
  admin(command: string): Promise<string>;
  stop(): Promise<void>;
}

export async function writeTestConfig(file: string, addresses: TestAddresses): Promise<void> {
  await writeFile(file, deriveTestConfig(await readFile(SHIPPED_CONFIG, 'utf8'), addresses));
}

/** Runs HAProxy in the foreground (-db) and waits until its frontend is open. */
export async function startHaproxy(
  configFile: string,
  addresses: TestAddresses,
): Promise<RunningHaproxy> {
  const child = spawn(HAPROXY, ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running: RunningHaproxy = {
    child,
    output: () => output,
    admin: (command) => adminCommand(addresses.adminSocket, command),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${output}`);
    // Asked on the admin socket, not by connecting: a probe would reach a replica as a client.
    if (existsSync(addresses.adminSocket) && (await frontendOpen(running))) return running;
    if (Date.now() > deadline) {
      await running.stop();
      throw new Error(`haproxy did not start within 10 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function frontendOpen(running: RunningHaproxy): Promise<boolean> {
  try {
    return /^tidewave,FRONTEND,.*,OPEN,/m.test(await running.admin('show stat'));
  } catch {
    return false;
  }
}

function adminCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(socketPath, () => socket.end(`${command}\n`));
    socket.setTimeout(5_000, () =>
      socket.destroy(new Error(`admin socket: no answer to ${command}`)),
    );
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

/** Each server's status in a backend (UP, DOWN, MAINT, ...), from `show stat`. */
export function serverStatuses(showStat: string, backend: string): Map<string, string> {
  const [header, ...rows] = showStat.trim().split('\n');
  const columns = header.replace(/^# /, '').split(',');
  const status = columns.indexOf('status');
  const statuses = new Map<string, string>();
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[0] === backend && cells[1] !== 'BACKEND' && cells[1] !== 'FRONTEND') {
      statuses.set(cells[1], cells[status]);
    }
  }
  return statuses;
}

/**
 * Waits until the backend's `count` servers are all UP: until its first checks pass, HAProxy
 * shows a server as UP in transition ("UP 1/2"), and sends it nothing yet.
 */
export async function waitAllUp(
  haproxy: RunningHaproxy,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = serverStatuses(await haproxy.admin('show stat'), 'tidewave_replicas');
    const up = [...statuses.values()].filter((status) => status === 'UP').length;
    if (statuses.size === count && up === count) return;
    if (Date.now() > deadline)
      throw new Error(`not all ${count} replicas UP within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
