/**
 * Builds the bundled list (lib/data/default-list.json) from its reviewable source
 * (lib/data/organizations.yaml).
 *
 *   npx tsx lib/tools/build-list.ts           write the JSON
 *   npx tsx lib/tools/build-list.ts --check   exit 1 if the JSON on disk differs from the YAML
 *
 * The output depends only on the YAML (version and generatedAt come from its header), so two runs give
 * byte-identical files and the check is meaningful.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { validateList, type VigieList } from '../list-schema';

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../data');
export const SOURCE_PATH = resolve(DATA_DIR, 'organizations.yaml');
export const OUTPUT_PATH = resolve(DATA_DIR, 'default-list.json');

/** A list is trusted for this long after it was generated (DESIGN.md: expiresAt). */
export const VALIDITY_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

type Raw = Record<string, unknown>;

function fail(message: string): never {
  throw new Error(`organizations.yaml: ${message}`);
}

function asRecord(value: unknown, where: string): Raw {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`${where} must be a mapping`);
  return value as Raw;
}

/** Canonical ISO form of the header date, so that "2026-11-23" and "2026-11-23T00:00:00Z" build alike. */
function isoDate(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : fail('generatedAt must be a date');
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) fail(`generatedAt "${text}" is not a date`);
  return new Date(ms).toISOString();
}

const sortedUnique = (xs: unknown): unknown =>
  Array.isArray(xs) && xs.every((x) => typeof x === 'string') ? [...new Set(xs as string[])].sort() : xs;

/**
 * Source (parsed YAML) → list document. Organisations keep their reviewed order; the arrays inside
 * them are sorted so reordering a line in the YAML does not churn the JSON. Known keys come first in
 * DESIGN.md order; extra optional fields (e.g. commonWord) follow.
 */
export function buildList(source: unknown): VigieList {
  const src = asRecord(source, 'the document');
  if (!Array.isArray(src.organizations)) fail('organizations must be a list');
  const generatedAt = isoDate(src.generatedAt);
  const expiresAt = new Date(Date.parse(generatedAt) + VALIDITY_DAYS * DAY_MS).toISOString();

  const organizations = src.organizations.map((o, i) => {
    const org = asRecord(o, `organizations[${i}]`);
    const { id, name, category, domains, brands, loginHosts, professionalOnly, sources, ...extra } = org;
    return {
      id: typeof id === 'number' ? String(id) : id,
      name,
      category,
      domains,
      brands: sortedUnique(brands ?? []),
      loginHosts: sortedUnique(loginHosts ?? []),
      professionalOnly: professionalOnly ?? false,
      sources: sources ?? [],
      ...extra,
    };
  });

  const doc = {
    schema: src.schema ?? 1,
    version: src.version,
    generatedAt,
    expiresAt,
    organizations,
    blocked: sortedUnique(src.blocked ?? []),
    keywords: sortedUnique(src.keywords ?? []),
  };
  // Same validation as any administrator's list: a bad source never produces a JSON file.
  return validateList(doc);
}

/** The exact bytes written to default-list.json. */
export function renderList(list: VigieList): string {
  return JSON.stringify(list, null, 2) + '\n';
}

export function buildFromYaml(yamlText: string): string {
  return renderList(buildList(parse(yamlText)));
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const expected = buildFromYaml(readFileSync(SOURCE_PATH, 'utf8'));
  if (check) {
    let actual: string | null = null;
    try {
      actual = readFileSync(OUTPUT_PATH, 'utf8');
    } catch {
      actual = null;
    }
    if (actual !== expected) {
      console.error(`${OUTPUT_PATH} is out of date: run "npm run list:build" and commit the result.`);
      return 1;
    }
    console.log('default-list.json matches organizations.yaml');
    return 0;
  }
  writeFileSync(OUTPUT_PATH, expected);
  const list = JSON.parse(expected) as VigieList;
  const domains = list.organizations.reduce((n, o) => n + o.domains.length, 0);
  console.log(`wrote ${OUTPUT_PATH}: ${list.organizations.length} organisations, ${domains} domains`);
  return 0;
}

// Run only when executed directly (tests import buildList/buildFromYaml).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
