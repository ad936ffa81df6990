/**
 * The set of ids seen, for case.duplicateId. A register of a million
 * records checks a million ids, and a `Set` of strings is most of the
 * tally's time; this open-addressing table over one typed array, each slot
 * holding an id's hash beside its index, touches one cache line per probe.
 * The FNV-1a hash is seeded at random, so no register can be written to
 * make its ids collide.
 *
 * @module
 */

/** An insert-only set of strings. */
export class IdSet {
  private readonly seed = (Math.random() * 0x1_0000_0000) | 0;
  private readonly ids: string[] = [];
  /** Pairs [hash, k + 1] for `ids[k]`; [0, 0] is an empty slot. */
  private table: Int32Array;
  private mask: number;

  /** @param expected - How many ids are coming, when known (an array's length): the table is made that big at once, never regrown. */
  constructor(expected = 0) {
    let slots = 2048;
    while (slots < 2 * expected + 1) slots *= 2;
    this.table = new Int32Array(2 * slots);
    this.mask = slots - 1;
  }

  /** Adds `id`; false when it was already there. */
  add(id: string): boolean {
    let h = this.seed;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    const { table, mask, ids } = this;
    let slot = h & mask;
    for (let k = table[2 * slot + 1]!; k !== 0; k = table[2 * slot + 1]!) {
      if (table[2 * slot] === h && ids[k - 1] === id) return false;
      slot = (slot + 1) & mask;
    }
    ids.push(id);
    table[2 * slot] = h;
    table[2 * slot + 1] = ids.length;
    // At most half full, so probes stay short.
    if (2 * ids.length > mask) this.grow();
    return true;
  }

  /** Doubles the table, placing each id again by the hash it holds. */
  private grow(): void {
    const old = this.table;
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(2 * (mask + 1));
    for (let i = 0; i < old.length; i += 2) {
      const k = old[i + 1]!;
      if (k === 0) continue;
      let slot = old[i]! & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[i]!;
      table[2 * slot + 1] = k;
    }
    this.table = table;
    this.mask = mask;
  }
}
