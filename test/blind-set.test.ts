import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultList } from '../lib/default-list';
import { createEngine } from '../lib/engine';
import type { Verdict } from '../lib/verdict';

/**
 * The blind sets (test/fixtures/blind-urls*.tsv): URLs written without sight of the engine or the list.
 * Floors a little under what the engine scored when it first saw each set, so that a change losing
 * ground on addresses nobody tuned the engine for fails here. Official addresses and non-web inputs
 * have no slack, nor do traps, but for those the writer marked "hard:" (a strict classifier could
 * defensibly flag them), which have a small allowance.
 */
const engine = createEngine(defaultList);
const flagged = (v: Verdict) => v.verdict === 'lookalike' || v.verdict === 'suspicious';

interface Floors {
  rows: number;
  lookalike: number;
  lookalikeFlagged: number;
  danger: number;
  hardTraps: number;
  /** Share of flagged rows naming another organisation than the writer's (2 % unless said). */
  otherOrganisation?: number;
}

const SETS: [file: string, floors: Floors][] = [
  ['blind-urls.tsv', { rows: 570, lookalike: 0.95, lookalikeFlagged: 0.96, danger: 0.94, hardTraps: 0 }],
  ['blind-urls-2.tsv', { rows: 459, lookalike: 0.97, lookalikeFlagged: 0.97, danger: 0.95, hardTraps: 3 }],
  ['blind-urls-3.tsv', { rows: 414, lookalike: 0.96, lookalikeFlagged: 0.98, danger: 0.97, hardTraps: 0 }],
  // A red team's tricks, and real namesakes. First run 179/247 clear lookalikes called lookalike, 31/43
  // weaker ones flagged (the floors are under today's 211 and 32: what the list has no evidence for,
  // as Alptis or Prévifrance, stays out), and 13 of the 69 "hard:" traps flagged, as today.
  ['blind-urls-4.tsv', { rows: 666, lookalike: 0.85, lookalikeFlagged: 0.88, danger: 0.72, hardTraps: 13 }],
  // A second red team, after the fourth set's fixes: first run 137/187 clear lookalikes called lookalike,
  // 18/42 weaker ones flagged; 151 since (digits for i, names misspelt by ear). Most misses left are typos
  // on three- and four-letter brands with a lure word (mgn-espace-adherent), acronyms and full names,
  // and brands next to towns and department numbers (suspicious: an insurer's agents name sites so).
  // Six of its flagged rows name a sister organisation (Viamedis for its professionals' portal, Matmut
  // for its mutuelle Ociane, Carcept Prév for its group Klesia).
  ['blind-urls-5.tsv', { rows: 314, lookalike: 0.79, lookalikeFlagged: 0.8, danger: 0.42, hardTraps: 1, otherOrganisation: 0.035 }],
];

for (const [file, floors] of SETS) {
  const rows = readFileSync(resolve(import.meta.dirname, 'fixtures', file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .slice(1)
    .map((line) => {
      const [url, expect, target, note] = line.split('\t');
      return { url: url!, expect: expect!, target: target!, note: note! };
    });
  const judged = rows.map((row) => ({ ...row, v: engine.classify(row.url) }));
  const of = (expect: string) => judged.filter((r) => r.expect === expect);
  const rate = (xs: unknown[], all: unknown[]) => xs.length / all.length;
  const show = (rs: typeof judged) => rs.map((r) => `${r.url} → ${r.v.verdict} ${r.v.target ?? ''} (${r.note})`).join('\n');

  describe(`blind set ${file}`, () => {
    it('has every kind of row', () => {
      expect(rows.length).toBe(floors.rows);
      for (const kind of ['lookalike', 'danger', 'official', 'safe', 'invalid']) expect(of(kind).length).toBeGreaterThanOrEqual(10);
    });

    it('flags no safe address (false-positive traps)', () => {
      // (A trap the list has since taken in, with evidence, is official: sesam-vitale.fr.)
      const wrong = of('safe').filter((r) => r.v.verdict !== 'unknown' && r.v.verdict !== 'official');
      console.log(`${file}: ${wrong.length}/${of('safe').length} traps flagged:\n${show(wrong)}`);
      expect(show(wrong.filter((r) => !r.note.startsWith('hard:')))).toBe('');
      expect(wrong.length).toBeLessThanOrEqual(floors.hardTraps);
    });

    it('knows every official address, with its organisation', () => {
      // (The target is the registrable domain: signal.conso.gouv.fr is conso.gouv.fr's.)
      const right = (r: (typeof judged)[number]) => r.v.verdict === 'official' && (r.v.target === r.target || r.target.endsWith(`.${r.v.target}`));
      expect(show(of('official').filter((r) => !right(r)))).toBe('');
    });

    it('finds nothing to judge in what is not a web address', () => {
      expect(show(of('invalid').filter((r) => r.v.verdict !== 'invalid'))).toBe('');
    });

    it('catches clear lookalikes as lookalikes, and flags almost all of them', () => {
      const all = of('lookalike');
      const strong = all.filter((r) => r.v.verdict === 'lookalike');
      console.log(`${file}: ${strong.length}/${all.length} clear lookalikes called lookalike, ${all.filter((r) => flagged(r.v)).length} flagged; not lookalike:\n${show(all.filter((r) => r.v.verdict !== 'lookalike'))}`);
      expect(rate(strong, all)).toBeGreaterThanOrEqual(floors.lookalike);
      expect(rate(all.filter((r) => flagged(r.v)), all)).toBeGreaterThanOrEqual(floors.lookalikeFlagged);
    });

    it('flags the weaker imitations too', () => {
      const all = of('danger');
      const caught = all.filter((r) => flagged(r.v));
      console.log(`${file}: ${caught.length}/${all.length} weaker imitations flagged; missed:\n${show(all.filter((r) => !flagged(r.v)))}`);
      expect(rate(caught, all)).toBeGreaterThanOrEqual(floors.danger);
    });

    it('names the organisation imitated', () => {
      // The writer's target, when the list has it, belongs to the organisation the engine names.
      const named = judged.filter((r) => (r.expect === 'lookalike' || r.expect === 'danger') && flagged(r.v) && engine.classify(r.target).verdict === 'official');
      const wrong = named.filter((r) => r.v.organization?.id !== engine.classify(r.target).organization?.id);
      console.log(`${file}: organisation named right for ${named.length - wrong.length}/${named.length}; else:\n${show(wrong)}`);
      expect(rate(wrong, named)).toBeLessThanOrEqual(floors.otherOrganisation ?? 0.02);
    });
  });
}
