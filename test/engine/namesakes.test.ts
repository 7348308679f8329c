import { describe, expect, it } from 'vitest';
import namesakes from '../../lib/data/namesakes.json';
import { runTool } from '../helpers/run-tool';

describe('namesakes.json', () => {
  it('is what lib/tools/gen-namesakes.ts makes from the bundled list and the dictionary', () => {
    // Fails when the list changed without regenerating (needs Debian's wfrench, installed by .ci/run).
    const r = runTool('gen-namesakes.ts', ['--check']);
    expect(r.stdout).toContain('up to date');
  }, 60_000);
  it('lists as given-name neighbours only typo namesakes that are French given names', async () => {
    const { readFileSync } = await import('node:fs');
    const names = new Set(readFileSync('lib/data/first-names-fr.txt', 'utf8').split(/\s+/).map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()));
    expect(namesakes.givenNameNeighbours).toContain('amelie');
    for (const w of namesakes.givenNameNeighbours) {
      expect(namesakes.typo).toContain(w);
      expect(names.has(w)).toBe(true);
    }
    expect(namesakes.givenNameNeighbours).not.toContain('generale'); // a word, not a name
  });
  it('never excuses a hostname that the list blocks', async () => {
    const { defaultList } = await import('../../lib/default-list');
    for (const blocked of defaultList.blocked) expect(namesakes.typo).not.toContain(blocked);
  });
});
