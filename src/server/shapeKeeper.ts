/**
 * The objects of the last stream and the last connection to end, one of each kind, kept alive.
 *
 * V8 gives objects built the same way a shared hidden class (a map), and the optimised code of
 * the hot paths is specialised on those maps. A map added by a constructor lives only while
 * some object has it: when every listener has gone, the next full collection frees the maps,
 * and V8 throws away every piece of optimised code that named one. The next crowd of listeners
 * then runs the hot paths unoptimised and pays for compiling them all again in its first
 * seconds (docs/PERFORMANCE.md, "Session 8, second round"). One finished stream's objects, kept
 * here, keep the maps; they hold no file descriptor and at most one read-ahead buffer.
 */
const kept = new Map<string, unknown>();

/** Keeps `objects` (replacing what `kind` kept before) so that their maps outlive them. */
export function keepShapes(kind: string, objects: unknown): void {
  kept.set(kind, objects);
}
