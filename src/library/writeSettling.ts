/** A file's size as last seen; null when it could not be read (gone, or not readable). */
export type SizeSnapshot = ReadonlyMap<string, number | null>;

/**
 * The files of a burst whose size changed between two looks: a copy still under way. A file
 * that vanished or appeared between the looks counts as changed too; one gone both times is
 * settled (a deletion is complete).
 */
export function stillChanging(before: SizeSnapshot, after: SizeSnapshot): string[] {
  const changing: string[] = [];
  for (const [file, size] of after) {
    if (before.get(file) !== size) changing.push(file);
  }
  return changing;
}
