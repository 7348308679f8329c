/**
 * `npm run corpus [-- --list FILE] [--misses N] [--by-domain N]`: recall of the engine per lookalike fuzzer on the
 * generated corpus (test/corpus/fuzzers.ts) and false-positive rates on the popular-site fixtures.
 * Prints a human table; the last line is one JSON object with the same figures.
 */
import { readFileSync } from 'node:fs';
import { createEngine } from '../engine';
import { defaultList } from '../default-list';
import { parseList, type VigieList } from '../list-schema';
import { buildCorpus } from '../../test/corpus/fuzzers';
import { FP_ALLOW, formatRecallTable, measureRecall, meets, popularFr, scanFalsePositives, topDomains, topSites, totalRow } from '../../test/corpus/measure';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const listFile = arg('--list');
const list: VigieList = listFile ? parseList(readFileSync(listFile)) : defaultList;
const keepMisses = Number(arg('--misses') ?? 3);
const engine = createEngine(list);
const classify = (u: string) => engine.classify(u);

const corpus = buildCorpus(list);
const rows = measureRecall(corpus, classify, list, keepMisses);
console.log(`Recall on ${corpus.length} generated lookalikes of ${list.organizations.length} organisations (${listFile ?? 'bundled list'}):`);
console.log(formatRecallTable(rows));
if (keepMisses > 0) {
  console.log('\nExamples of misses (url → verdict):');
  for (const r of rows) if (r.misses.length) console.log(`  ${r.group}: ${r.misses.map((m) => `${m.url} → ${m.got}`).join(' | ')}`);
}

// The official domains whose lookalikes are caught least often: where list curation or a detector is weakest.
const byDomain = Number(arg('--by-domain') ?? 10);
if (byDomain > 0) {
  const per = new Map<string, { total: number; caught: number }>();
  for (const v of corpus) {
    const p = per.get(v.source) ?? { total: 0, caught: 0 };
    p.total++;
    if (meets(engine.classify(v.url).verdict, v.expect)) p.caught++;
    per.set(v.source, p);
  }
  const worst = [...per].sort((a, b) => a[1].caught / a[1].total - b[1].caught / b[1].total).slice(0, byDomain);
  console.log(`\nLowest recall by official domain (all fuzzers):`);
  for (const [d, p] of worst) console.log(`  ${d.padEnd(34)} ${String(p.caught).padStart(6)}/${String(p.total).padEnd(6)} ${((p.caught / p.total) * 100).toFixed(1)}%`);
}

const top = scanFalsePositives([...new Set([...topDomains(), ...topSites()])], classify);
const fr = scanFalsePositives(popularFr(), classify);
const fmt = (s: typeof top) =>
  s.flagged.map((f) => `${f.domain} → ${f.verdict} (${f.target})${FP_ALLOW.has(f.domain) ? ' [allowed: real imitation]' : ''}`).join('\n    ') || 'none';
const rate = (s: typeof top) => (s.flagged.length / s.total) * 100;
console.log(`\nFalse positives (home page of each domain classified lookalike or suspicious):`);
console.log(`  top domains + top-sites: ${top.flagged.length}/${top.total} = ${rate(top).toFixed(3)}% (${top.official} official)\n    ${fmt(top)}`);
console.log(`  popular French sites:    ${fr.flagged.length}/${fr.total} = ${rate(fr).toFixed(3)}% (${fr.official} official)\n    ${fmt(fr)}`);

const all = totalRow(rows);
console.log(
  JSON.stringify({
    corpus: all.total,
    recall: Number(all.recall.toFixed(4)),
    perFuzzer: Object.fromEntries(rows.map((r) => [r.group, { total: r.total, caught: r.caught, recall: Number(r.recall.toFixed(4)) }])),
    officialOnLookalikes: all.official.length,
    falsePositives: {
      top: { total: top.total, flagged: top.flagged.length, rate: Number((rate(top) / 100).toFixed(5)) },
      popularFr: { total: fr.total, flagged: fr.flagged.length, rate: Number((rate(fr) / 100).toFixed(5)) },
    },
  }),
);
