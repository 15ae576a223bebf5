import { describe, expect, it } from 'vitest';
import { inNamespace, namespaceRefusal } from './namespace';

const refusal = namespaceRefusal();
if (refusal !== null) {
  console.warn(
    `SKIPPED the DNS-SD name conflict over real multicast: ${refusal} (run as root on Linux)`,
  );
}

describe.skipIf(refusal !== null)('two libraries with one name, over real multicast', () => {
  it('the second is announced as "Name (2)" and shows it; the first stays listed', () => {
    const run = inNamespace('nameConflictScenario.ts');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const seen = run.result as {
      firstName: string;
      firstPort: number;
      startedAs: string;
      renamed: { announcedAs: string; announceError: string | null; port: number };
      both: Array<{ name: string; port: number }>;
      thirdError: string;
      afterThird: Array<{ name: string; port: number }>;
    };
    expect(seen.firstName).toBe('Harbour Room');
    // Wanted at first; the name actually announced once the probe found the first library.
    expect(seen.startedAs).toBe('Harbour Room');
    expect(seen.renamed).toEqual({
      announcedAs: 'Harbour Room (2)',
      announceError: null,
      port: seen.renamed.port,
    });
    const expected = [
      { name: 'Harbour Room', port: seen.firstPort },
      { name: 'Harbour Room (2)', port: seen.renamed.port },
    ];
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...seen.both].sort(byName)).toEqual(expected);
    expect(seen.thirdError).toBe(
      'every name tried ("Harbour Room" to "Harbour Room (2)") is already announced on the network by another library',
    );
    // The refused third sent no goodbye for the others' names: both are still listed.
    expect([...seen.afterThird].sort(byName)).toEqual(expected);
  }, 60_000);
});
