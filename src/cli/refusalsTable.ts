import { formatConnectedFor } from '../shared/listenerFormat';
import { describeRefusal } from '../shared/refusalFormat';
import type { RefusalInfo } from '../shared/refusalInfo';
import { terminalText } from './terminalText';

/** The longest address kept whole (an IPv6 address with a zone is under this). */
const ADDRESS_CHARS = 64;

/**
 * The access-code refusals the server CLI prints under its listeners table (`--status`,
 * SIGUSR1): `Refused: 203.0.113.5 — wrong access code ×3, waiting 1 s (0:12 ago)`, latest first.
 * An address came from a peer (a PROXY header): it is printed free of control characters.
 */
export function formatRefusals(rows: readonly RefusalInfo[], now: number): string[] {
  if (rows.length === 0) return ['Refused: none'];
  return rows.map((row) => {
    const address = terminalText(row.address, ADDRESS_CHARS);
    const ago = formatConnectedFor(row.lastAt, now);
    return `Refused: ${address} — ${describeRefusal(row, now)} (${ago} ago)`;
  });
}
