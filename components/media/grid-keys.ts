// The media grid is one Tab stop (a roving tabindex, as in the WAI-ARIA grid
// pattern): the arrow keys move between tiles, Home/End jump to the ends,
// Page Up/Down move three rows. Before this, every tile was two Tab stops
// (its button and its selection box), so "Attach" in the picker was 200+ Tabs
// away. Pure, so the moves are unit-tested without a browser.

/** Rows moved by Page Up / Page Down: about one screenful of tiles. */
const PAGE_ROWS = 3;

/** The index focus moves to for `key`, or null when the key is not a move. */
export function nextGridIndex(key: string, index: number, count: number, columns: number): number | null {
  if (count <= 0) return null;
  const cols = Math.max(1, columns);
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  switch (key) {
    case "ArrowRight":
      return clamp(index + 1);
    case "ArrowLeft":
      return clamp(index - 1);
    case "ArrowDown":
      // From a short last row, Down stays put rather than wrapping.
      return index + cols <= last ? index + cols : index;
    case "ArrowUp":
      return index - cols >= 0 ? index - cols : index;
    case "PageDown":
      return clamp(index + cols * PAGE_ROWS);
    case "PageUp":
      return clamp(index - cols * PAGE_ROWS);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** How many columns a CSS grid lays out now (its computed template lists one width per column). */
export function gridColumns(el: HTMLElement): number {
  const template = getComputedStyle(el).gridTemplateColumns;
  return template && template !== "none" ? template.trim().split(/\s+/).length : 1;
}
