import type { CSSProperties } from "react";

/** Font size for a figure in a tile: as large as `maxRem`, smaller when the
 * text would not fit the tile's width (a container, `@container`), never cut
 * off. Tabular digits are ~0.6 em wide, so N characters need ~0.6·N em. */
export function figureSize(text: string, maxRem = 1.5): CSSProperties {
  const chars = Math.max(4, text.length);
  return { fontSize: `clamp(0.875rem, calc(100cqi / ${chars} * 1.6), ${maxRem}rem)` };
}
