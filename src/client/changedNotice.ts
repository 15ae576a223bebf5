import type { Packet } from '../protocol';

/** What a `changed` notice says (PROTOCOL §5.1): the library changed, and how many songs it holds. */
export interface LibraryChange {
  /** Songs in the new metadata list; null when the notice gave no readable count. */
  songCount: number | null;
}

/** Reads a `changed` notice; fields after the count are a later extension's, and ignored. */
export function parseChangedNotice(packet: Packet): LibraryChange {
  const text = packet.fields[1]?.toString('latin1') ?? '';
  return { songCount: /^\d{1,9}$/.test(text) ? Number(text) : null };
}
