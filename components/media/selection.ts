// Grid selection: click toggles one item; Shift-click selects the range from
// the last clicked item (the anchor), as in file managers.

export type Selection = { uuids: string[]; anchor: number | null };

export const emptySelection: Selection = { uuids: [], anchor: null };

/** `selectable` leaves out items that cannot be used yet (still processing). */
export function toggleAt(
  sel: Selection,
  order: readonly string[],
  index: number,
  range: boolean,
  selectable: (uuid: string) => boolean = () => true,
): Selection {
  const uuid = order[index];
  if (uuid === undefined || !selectable(uuid)) return sel;
  if (range && sel.anchor !== null && order[sel.anchor] !== undefined) {
    const [from, to] = sel.anchor < index ? [sel.anchor, index] : [index, sel.anchor];
    const add = order.slice(from, to + 1).filter(selectable);
    const set = new Set(sel.uuids);
    return { uuids: [...sel.uuids, ...add.filter((u) => !set.has(u))], anchor: index };
  }
  const has = sel.uuids.includes(uuid);
  return { uuids: has ? sel.uuids.filter((u) => u !== uuid) : [...sel.uuids, uuid], anchor: index };
}
