/** A row in the DOM: its song, its place in the list shown, and its slot (its React key). */
export interface SlottedRow {
  id: number;
  index: number;
  slot: number;
}

export const NO_ROWS: readonly SlottedRow[] = [];

/**
 * Gives the rows to render their slots and their order in the DOM.
 *
 * A row keeps its slot while it stays rendered; a row that comes into view takes the slot of
 * one that went out, so React rewrites that row's text in place rather than making a new row
 * (a new row's ~19 elements each need a full style recalc, and each dropped one is garbage).
 * While the list scrolls, slots keep their DOM order (a new order would move rows, which
 * costs more than making them); once it rests, the DOM order becomes the visual order again,
 * for assistive technology reading the table in document order.
 */
export function arrangeRows(
  previous: readonly SlottedRow[],
  rows: readonly { id: number; index: number }[],
  scrolling: boolean,
  /** The song whose row holds the focus (a clicked play button): its slot is never reused. */
  focusedId: number | null = null,
  /** A new list is shown (filter, sort, scope, refresh): see relistRows. */
  relisted = false,
  /** Slots kept in the DOM, hidden (parkedRows.ts): taken before a new slot is made. */
  spare: readonly number[] = [],
): SlottedRow[] {
  if (relisted) return relistRows(previous, rows, focusedId, spare);
  const slotOf = new Map(previous.map((row) => [row.id, row.slot]));
  const taken = new Set<number>();
  const slots = new Map<number, number>();
  for (const { id } of rows) {
    const slot = slotOf.get(id);
    if (slot !== undefined) {
      slots.set(id, slot);
      taken.add(slot);
    }
  }
  // A focused row that went out of view goes with its element, as a row did before reuse:
  // rewritten for another song, Space or Enter on its button would play that one.
  const pinned = previous.find((row) => row.id === focusedId)?.slot;
  const freed = previous
    .map((row) => row.slot)
    .filter((slot) => !taken.has(slot) && slot !== pinned)
    .concat(spare);
  let fresh = 0;
  for (const { id } of rows) {
    if (slots.has(id)) continue;
    let slot = freed.shift();
    if (slot === undefined) {
      while (taken.has(fresh) || fresh === pinned) fresh++;
      slot = fresh;
    }
    slots.set(id, slot);
    taken.add(slot);
  }
  const arranged = rows.map(({ id, index }) => ({ id, index, slot: slots.get(id) as number }));
  if (!scrolling) return arranged; // rows come in visual order
  const place = new Map(previous.map((row, i) => [row.slot, i]));
  const rank = (row: SlottedRow) => place.get(row.slot) ?? previous.length + row.index;
  return arranged.sort((a, b) => rank(a) - rank(b));
}

/**
 * A new list (a filter keystroke, a sort): the rows, in visual order, take the slots in the DOM
 * order they had, so React rewrites each row's text in place and moves none. Kept by song, rows
 * that stay in view but change places would be moved in the DOM, and a moved row is restyled and
 * laid out whole (about ten elements each, three times what rewriting its text costs).
 */
function relistRows(
  previous: readonly SlottedRow[],
  rows: readonly { id: number; index: number }[],
  focusedId: number | null,
  spare: readonly number[],
): SlottedRow[] {
  // The focused row keeps its element if its song is still shown, and it is given to no other.
  const pinned = previous.find((row) => row.id === focusedId)?.slot;
  const free = previous
    .map((row) => row.slot)
    .filter((slot) => slot !== pinned)
    .concat(spare);
  const inUse = new Set([...previous.map((row) => row.slot), ...spare]);
  let next = 0;
  let fresh = 0;
  return rows.map(({ id, index }) => {
    if (id === focusedId && pinned !== undefined) return { id, index, slot: pinned };
    if (next < free.length) return { id, index, slot: free[next++] };
    while (inUse.has(fresh)) fresh++;
    inUse.add(fresh);
    return { id, index, slot: fresh };
  });
}
