import { Writable } from 'node:stream';

/** A Writable that keeps each chunk written to it, in order, for a test to read back. */
export function recordingWritable(): { output: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      // A copy: a writer may reuse its buffer once the write is done.
      writes.push(Buffer.from(chunk));
      done();
    },
  });
  return { output, writes };
}
