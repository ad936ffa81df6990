import type { GridCell, TableGrid } from './grid.js';

/** A slot of a dense grid: the cell covering it, and whether the cell starts there. */
export interface Slot {
  cell: GridCell;
  start: boolean;
}

/**
 * A grid laid out one slot per grid column and row, each slot naming the
 * cell that covers it. For the renderers whose output has no spans
 * (Markdown, plain text).
 */
export function denseRows(grid: TableGrid): Slot[][] {
  const slots: Slot[][] = grid.rows.map(() => Array<Slot>(grid.width));
  grid.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (slots[r]![c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) slots[r + dr]![c + dc] = { cell, start: dr === 0 && dc === 0 };
      }
      c += cell.colspan;
    }
  });
  return slots;
}
