/**
 * Recall and false-positive measurement shared by test/recall.test.ts, test/false-positives.test.ts,
 * lib/tools/corpus-report.ts and the benchmark. Pure functions over a `classify` callback, so the same
 * code measures our engine and a peer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDomain } from 'tldts';
import { SEVERITY, type Verdict, type VerdictKind } from '../../lib/verdict';
import type { VigieList } from '../../lib/list-schema';
import { FUZZERS, type Expectation, type Variant } from './fuzzers';

export type Classify = (url: string) => Pick<Verdict, 'verdict' | 'target'>;

export function meets(kind: VerdictKind, expect: Expectation): boolean {
  // `official` ranks below `suspicious`, so an official verdict on a lookalike counts as a miss.
  return SEVERITY[kind] >= SEVERITY[expect];
}

export interface RecallRow {
  group: string;
  total: number;
  caught: number;
  recall: number;
  /** Among caught variants: the verdict names one of the imitated organisation's domains. */
  targetOk: number;
  /** Variants the classifier called official (always a bug: the corpus holds no official host). */
  official: string[];
  /** A few missed URLs with what the engine said, for reports. */
  misses: { url: string; got: VerdictKind; source: string }[];
}

/** Rows are per fuzzer; variants of short names (< 5 chars) get their own "(short)" rows. */
export function groupOf(v: Variant): string {
  return v.short ? `${v.fuzzer} (short)` : v.fuzzer;
}

export function measureRecall(corpus: readonly Variant[], classify: Classify, list: VigieList, keepMisses = 5): RecallRow[] {
  const orgDomains = new Map(list.organizations.map((o) => [o.id, new Set(o.domains)]));
  const rows = new Map<string, RecallRow>();
  for (const v of corpus) {
    const g = groupOf(v);
    let row = rows.get(g);
    if (!row) rows.set(g, (row = { group: g, total: 0, caught: 0, recall: 0, targetOk: 0, official: [], misses: [] }));
    row.total++;
    const r = classify(v.url);
    if (r.verdict === 'official') row.official.push(v.url);
    if (meets(r.verdict, v.expect)) {
      row.caught++;
      if (r.target && orgDomains.get(v.orgId)?.has(r.target)) row.targetOk++;
    } else if (row.misses.length < keepMisses) row.misses.push({ url: v.url, got: r.verdict, source: v.source });
  }
  const order = (g: string) => FUZZERS.indexOf(g.replace(' (short)', '') as never) * 2 + (g.endsWith('(short)') ? 1 : 0);
  return [...rows.values()].map((r) => ({ ...r, recall: r.total ? r.caught / r.total : 0 })).sort((a, b) => order(a.group) - order(b.group));
}

export function totalRow(rows: readonly RecallRow[], name = 'ALL'): RecallRow {
  const total = rows.reduce((s, r) => s + r.total, 0);
  const caught = rows.reduce((s, r) => s + r.caught, 0);
  const targetOk = rows.reduce((s, r) => s + r.targetOk, 0);
  return { group: name, total, caught, recall: total ? caught / total : 0, targetOk, official: rows.flatMap((r) => r.official), misses: [] };
}

export function formatRecallTable(rows: readonly RecallRow[]): string {
  const lines = [
    `${'fuzzer'.padEnd(28)} ${'total'.padStart(7)} ${'caught'.padStart(7)} ${'recall'.padStart(7)} ${'target ok'.padStart(9)}`,
  ];
  for (const r of [...rows, totalRow(rows)])
    lines.push(
      `${r.group.padEnd(28)} ${String(r.total).padStart(7)} ${String(r.caught).padStart(7)} ${(r.recall * 100).toFixed(1).padStart(6)}% ${(r.caught ? (r.targetOk / r.caught) * 100 : 0).toFixed(1).padStart(8)}%`,
    );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Fixtures for the false-positive guard

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

function lines(file: string): string[] {
  return readFileSync(FIXTURES + file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().toLowerCase())
    .filter(Boolean);
}

/** 15.7k popular registrable domains (Cisco Umbrella derived; see test/fixtures/README.md). */
export function topDomains(): string[] {
  return lines('top-domains.txt');
}

/** The `top-sites` npm package's 500 domains (see test/fixtures/README.md). */
export function topSites(): string[] {
  return (JSON.parse(readFileSync(FIXTURES + 'top-sites.json', 'utf8')) as string[]).map((d) => d.toLowerCase());
}

/** Popular French sites, written for this project (see the file's header). */
export function popularFr(): string[] {
  return lines('popular-fr.txt');
}

/** The URL used for a popular domain: its www host, as a user would visit it. */
export function homeUrl(domain: string): string {
  // A registrable domain gets "www."; a host that already has a subdomain (sites.google.com) is used as is.
  return getDomain(domain, { allowPrivateDomains: true }) === domain ? `https://www.${domain}/` : `https://${domain}/`;
}

export interface FpResult {
  total: number;
  official: number;
  flagged: { domain: string; verdict: VerdictKind; target: string | null }[];
}

/** Classifies every domain's home URL; `flagged` lists lookalike/suspicious verdicts. */
export function scanFalsePositives(domains: readonly string[], classify: Classify): FpResult {
  const res: FpResult = { total: 0, official: 0, flagged: [] };
  for (const d of new Set(domains)) {
    res.total++;
    const r = classify(homeUrl(d));
    if (r.verdict === 'official') res.official++;
    else if (r.verdict === 'lookalike' || r.verdict === 'suspicious') res.flagged.push({ domain: d, verdict: r.verdict, target: r.target });
  }
  return res;
}

/**
 * Popular domains that really do imitate (or squat) a listed organisation, so a warning on them is
 * correct. Each entry says why. Keep this short: every entry is a claim someone must be able to check.
 */
export const FP_ALLOW: ReadonlyMap<string, string> = new Map<string, string>([]);
