import type { FileHandle } from 'node:fs/promises';

/** Up to `length` bytes of the file from `position` (fewer at its end). */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await file.read(bytes, 0, bytes.length, position);
  return bytes.subarray(0, bytesRead);
}
