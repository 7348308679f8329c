import { hashString } from './string-hash';

/**
 * The index's keys (brand skeletons, glued brand+suffix forms, lure words) in one open-addressing table
 * keyed by their polynomial hash (string-hash.ts), so that a run of a host's characters can be looked
 * up as it is scanned, without building its string: the hash is carried along the characters, the
 * table is probed with a number, and only a hash hit is compared character by character.
 */
export interface KeyTable<V = unknown> {
  /** Slot count minus one (a power of two minus one). */
  mask: number;
  /** Hash of the key in each slot. */
  hashes: Int32Array;
  /** Entry number + 1 in each slot; 0 for an empty slot. */
  slots: Int32Array;
  keys: string[];
  /** KEY_* bits of each entry (engine-index.ts): what kinds of key it is. */
  kinds: Uint8Array;
  /** What each entry stands for. */
  values: V[];
}

/** Builds the table from each key's KEY_* bits and value. */
export function buildKeyTable<V>(entries: ReadonlyMap<string, { kinds: number; value: V }>): KeyTable<V> {
  let size = 16;
  while (size < entries.size * 3) size *= 2; // a third full at most: probes stay short
  const table: KeyTable<V> = { mask: size - 1, hashes: new Int32Array(size), slots: new Int32Array(size), keys: [], kinds: new Uint8Array(entries.size), values: [] };
  for (const [key, { kinds, value }] of entries) {
    const entry = table.keys.length;
    table.keys.push(key);
    table.kinds[entry] = kinds;
    table.values.push(value);
    const hash = hashString(key) | 0;
    let slot = hash & table.mask;
    while (table.slots[slot] !== 0) slot = (slot + 1) & table.mask;
    table.hashes[slot] = hash;
    table.slots[slot] = entry + 1;
  }
  return table;
}

/** The hash of `c` appended to a run whose hash is `h` (hashString's step). */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 131) + c) | 0;
}

/**
 * The entry whose key is s[from, to) with its hyphens and dots left out (`hash` is hashString of
 * those characters), holding one of the `kinds` bits; -1 when there is none.
 */
export function findKey(table: KeyTable, hash: number, s: string, from: number, to: number, kinds: number): number {
  for (let slot = hash & table.mask; table.slots[slot] !== 0; slot = (slot + 1) & table.mask) {
    if (table.hashes[slot] !== hash) continue;
    const entry = table.slots[slot]! - 1;
    if ((table.kinds[entry]! & kinds) !== 0 && spells(table.keys[entry]!, s, from, to)) return entry;
  }
  return -1;
}

/** The entry whose key is the string `s` (`hash`: hashString(s) | 0), holding one of the `kinds` bits; -1 when none. */
export function findStringKey(table: KeyTable, hash: number, s: string, kinds: number): number {
  for (let slot = hash & table.mask; table.slots[slot] !== 0; slot = (slot + 1) & table.mask) {
    if (table.hashes[slot] !== hash) continue;
    const entry = table.slots[slot]! - 1;
    if ((table.kinds[entry]! & kinds) !== 0 && table.keys[entry] === s) return entry;
  }
  return -1;
}

/**
 * The entry whose key is the strings `parts[from..to]` glued (`hash`: hashString of them glued), holding
 * one of the `kinds` bits; -1 when none. `text(part)` is a part's string.
 */
export function findPartsKey<T>(table: KeyTable, hash: number, parts: readonly T[], from: number, to: number, text: (part: T) => string, kinds: number): number {
  for (let slot = hash & table.mask; table.slots[slot] !== 0; slot = (slot + 1) & table.mask) {
    if (table.hashes[slot] !== hash) continue;
    const entry = table.slots[slot]! - 1;
    if ((table.kinds[entry]! & kinds) !== 0 && partsSpell(table.keys[entry]!, parts, from, to, text)) return entry;
  }
  return -1;
}

function partsSpell<T>(key: string, parts: readonly T[], from: number, to: number, text: (part: T) => string): boolean {
  let at = 0;
  for (let k = from; k <= to; k++) {
    const part = text(parts[k]!);
    if (!key.startsWith(part, at)) return false;
    at += part.length;
  }
  return at === key.length;
}

/** Whether s[from, to), hyphens and dots left out, is `key`. */
function spells(key: string, s: string, from: number, to: number): boolean {
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 46) continue;
    if (k === key.length || key.charCodeAt(k++) !== c) return false;
  }
  return k === key.length;
}
