import { open } from 'node:fs/promises';
import { sniffFormat, type SniffResult } from './sniffFormat';

/** Enough for the checks in almost every file; files with ID3 tags may need a second read. */
const FIRST_READ_BYTES = 4096;

/** Sniffs a file's format from its first bytes, reading only as many as the decision needs. */
export async function sniffFile(filePath: string): Promise<SniffResult> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    let wanted = Math.min(size, FIRST_READ_BYTES);
    for (;;) {
      const head = new Uint8Array(wanted);
      const { bytesRead } = await file.read(head, 0, wanted, 0);
      const result = sniffFormat(head.subarray(0, bytesRead), bytesRead >= size);
      // An ID3 tag can be megabytes (cover art): read up to where the audio starts, once more.
      if (result.kind !== 'more' || bytesRead < wanted) return result;
      wanted = Math.min(size, result.bytesNeeded);
    }
  } finally {
    await file.close();
  }
}
