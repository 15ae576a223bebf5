import { describe, expect, it } from 'vitest';
import { SERVER_EXTENSIONS } from '../../src/discovery';
import { inNamespace, namespaceRefusal } from './namespace';

const refusal = namespaceRefusal();
if (refusal !== null) {
  console.warn(
    `SKIPPED the app's network sharing over real multicast: ${refusal} (run as root on Linux)`,
  );
}

describe.skipIf(refusal !== null)('the app\'s "Share on my network", over real multicast', () => {
  it('announces only a shared library, follows address changes and the access code, and says goodbye', () => {
    const run = inNamespace('hostScenario.ts');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const seen = run.result as Record<
      string,
      Record<string, unknown> & { addresses?: string[] }
    > & {
      listedWhileBoth: number[];
      shownAfterAdd: string[];
      shownAfterDel: string[];
      goneAfterMs: number;
    };
    const port = seen.state.port;
    // Kept on this computer: not announced. Shared: announced with its TXT facts.
    expect(seen.kept.announcedAs).toBeNull();
    expect(seen.listedWhileBoth).toEqual([port]);
    expect(seen.state.announcedAs).toBe('Attic');
    expect(seen.appeared).toMatchObject({
      name: 'Attic',
      port,
      songCount: seen.state.songCount,
      extensions: [...SERVER_EXTENSIONS],
      accessCode: false,
    });
    // A new address: announced and shown; gone again: withdrawn from both.
    expect(seen.moved.addresses).toContain('10.9.8.7');
    expect(seen.shownAfterAdd).toEqual([`10.9.8.7:${port}`]);
    expect(seen.back.addresses).not.toContain('10.9.8.7');
    expect(seen.shownAfterDel).toEqual([`127.0.0.1:${port}`]);
    // The access code set while hosting: the same port, and the TXT record says so.
    expect(seen.locked).toEqual({ accessCode: true, port });
    expect(seen.coded).toMatchObject({ port, accessCode: true });
    // Stopping sent the goodbye: gone at once, not at the record's expiry (TTL ≥ 120 s).
    expect(seen.goneAfterMs).toBeLessThan(30_000);
  }, 60_000);
});
