import { describe, expect, it } from 'vitest';
import { pieceOf } from '../../lib/host-view';

describe('pieceOf: the n-th run between hyphens of a label', () => {
  it.each([
    ['ameli', 0, 'ameli'],
    ['ameli', 1, ''],
    ['mon-compte-ameli', 0, 'mon'],
    ['mon-compte-ameli', 2, 'ameli'],
    ['mon-compte-ameli', 3, ''],
    ['a--b', 1, 'b'], // empty runs are not pieces
    ['-ameli-', 0, 'ameli'],
    ['', 0, ''],
  ] as const)('%s, piece %i → %j', (label, part, piece) => {
    expect(pieceOf(label, part)).toBe(piece);
  });
});
