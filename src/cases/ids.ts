/**
 * The set of ids seen, for case.duplicateId. A register of a million
 * records checks a million ids, and a `Set` of strings is most of the
 * tally's time; this open-addressing table over one typed array, each slot
 * holding an id's hash beside its index, touches one cache line per probe.
 * The FNV-1a hash is seeded at random, so no register can be written to
 * make its ids collide.
 *
 * Most registers are kept in id order, and an id after every id before it
 * cannot repeat one of them: while the ids come in strictly ascending
 * order, one string comparison with the last id is the whole check, and
 * the table is only built, from the ids kept, at the first id out of order.
 *
 * @module
 */

/**
 * An insert-only set of strings.
 *
 * @example
 * ```ts
 * import { IdSet } from './ids.js';
 * const seen = new IdSet();
 * seen.add('2024-001'); // true
 * seen.add('2024-001'); // false: already there
 * ```
 */
export class IdSet {
  private readonly seed = (Math.random() * 0x1_0000_0000) | 0;
  /** The ids, `count` of them; made as long as expected at once, since pushing a million strings one by one regrows the array over and over. */
  private readonly ids: string[];
  private count = 0;
  /** Whether every id so far came after the one before it (string order): then no table is needed yet. */
  private ascending = true;
  /** Pairs [hash, k + 1] for `ids[k]`; [0, 0] is an empty slot. Empty while {@link ascending}. */
  private table = new Int32Array(0);
  private mask = -1;

  /** @param expected - How many ids are coming, when known (an array's length): the table, once needed, is made that big at once, never regrown. */
  constructor(private readonly expected = 0) {
    this.ids = new Array<string>(expected);
  }

  /** Adds `id`; false when it was already there. */
  add(id: string): boolean {
    const ids = this.ids;
    if (this.ascending) {
      // Above the greatest id so far, so equal to none of them.
      if (this.count === 0 || id > ids[this.count - 1]!) {
        this.keep(id);
        return true;
      }
      this.ascending = false;
      this.build();
    }
    const h = this.hash(id);
    const { table, mask } = this;
    let slot = h & mask;
    for (let k = table[2 * slot + 1]!; k !== 0; k = table[2 * slot + 1]!) {
      if (table[2 * slot] === h && ids[k - 1] === id) return false;
      slot = (slot + 1) & mask;
    }
    this.keep(id);
    table[2 * slot] = h;
    table[2 * slot + 1] = this.count;
    // At most half full, so probes stay short.
    if (2 * this.count > mask) this.grow();
    return true;
  }

  /** Keeps `id` as `ids[count]`, past the expected length too. */
  private keep(id: string): void {
    if (this.count < this.ids.length) this.ids[this.count] = id;
    else this.ids.push(id);
    this.count++;
  }

  /** The seeded FNV-1a hash of `id`. */
  private hash(id: string): number {
    let h = this.seed;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return h;
  }

  /** Makes the table for the ids kept so far (all distinct: they were ascending), big enough for those expected. */
  private build(): void {
    const { ids, count } = this;
    let slots = 2048;
    while (slots < 2 * Math.max(this.expected, count) + 1) slots *= 2;
    const table = new Int32Array(2 * slots);
    const mask = slots - 1;
    for (let k = 0; k < count; k++) {
      const h = this.hash(ids[k]!);
      let slot = h & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = k + 1;
    }
    this.table = table;
    this.mask = mask;
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
