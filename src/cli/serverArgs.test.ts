import { CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseServerArgs, USAGE_EXIT_CODE } from './serverArgs';

describe('parseServerArgs', () => {
  beforeEach(() => {
    // commander prints usage errors to stderr; keep the test output clean.
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('reads the port and falls back to the default folder and host', () => {
    expect(parseServerArgs(['8080'], '/bundled')).toEqual({
      port: 8080,
      folder: '/bundled',
      host: '127.0.0.1',
      pacing: true,
      quiet: false,
      watch: true,
      limits: {},
      proxyFrom: [],
      drainSpreadMs: 5_000,
    });
  });

  it('reads the folder and every option', () => {
    expect(
      parseServerArgs(
        ['0', 'songs', '--host', '0.0.0.0', '--no-pacing', '--quiet', '--no-watch'],
        '/x',
      ),
    ).toEqual({
      port: 0,
      folder: 'songs',
      host: '0.0.0.0',
      pacing: false,
      quiet: true,
      watch: false,
      limits: {},
      proxyFrom: [],
      drainSpreadMs: 5_000,
    });
  });

  it('reads the state folder', () => {
    expect(parseServerArgs(['0', '--state', '/var/lib/tw'], '/x').stateDir).toBe('/var/lib/tw');
    expect(parseServerArgs(['0'], '/x')).not.toHaveProperty('stateDir');
  });

  it('reads the connection caps and the request timeout', () => {
    const args = ['0', '--max-connections', '100', '--max-per-address', '8'];
    expect(parseServerArgs([...args, '--request-timeout', '2.5'], '/x').limits).toEqual({
      maxConnections: 100,
      maxConnectionsPerAddress: 8,
      requestTimeoutMs: 2500,
    });
  });

  it('reads the drain spread, 0 meaning all at once', () => {
    expect(parseServerArgs(['0', '--drain-seconds', '2.5'], '/x').drainSpreadMs).toBe(2_500);
    expect(parseServerArgs(['0', '--drain-seconds', '0'], '/x').drainSpreadMs).toBe(0);
  });

  it.each([
    ['--drain-seconds', '-1'],
    ['--drain-seconds', '3601'],
    ['--drain-seconds', 'soon'],
    ['--max-connections', '0'],
    ['--max-connections', 'many'],
    ['--max-per-address', '-3'],
    ['--request-timeout', '0'],
    ['--request-timeout', '1e3'],
    ['--request-timeout', '100000'],
  ])('refuses %s %j', (flag, value) => {
    expect(() => parseServerArgs(['0', flag, value], '/x')).toThrow(CommanderError);
  });

  it('collects --proxy-from balancers and refuses what is not an IP address', () => {
    const args = ['0', '--proxy-from', '10.0.0.5', '--proxy-from', '::1'];
    expect(parseServerArgs(args, '/x').proxyFrom).toEqual(['10.0.0.5', '::1']);
    expect(() => parseServerArgs(['0', '--proxy-from', 'balancer.lan'], '/x')).toThrow(
      CommanderError,
    );
  });

  it.each([['abc'], ['65536'], ['-1'], ['80.5'], ['']])(
    'refuses port %j with exit code 2',
    (port) => {
      let thrown: unknown;
      try {
        parseServerArgs([port], '/x');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CommanderError);
      expect((thrown as CommanderError).exitCode).toBe(USAGE_EXIT_CODE);
    },
  );

  it('refuses a missing port and extra arguments', () => {
    expect(() => parseServerArgs([], '/x')).toThrow(CommanderError);
    expect(() => parseServerArgs(['1', 'a', 'b'], '/x')).toThrow(CommanderError);
    expect(() => parseServerArgs(['1', '--bogus'], '/x')).toThrow(CommanderError);
  });
});
