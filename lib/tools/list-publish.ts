/**
 * npm run list:publish -- --key FILE --out DIR [--source lib/data/default-list.json] [--previous URL|FILE]
 *
 * Builds the publishable list: copies the built list byte for byte (so a client whose bundled list is
 * the same version sees "up to date"), signs it, and writes DIR/default-list.json and its .sig, ready
 * for any static host or CDN. Nothing is bumped silently: with --previous (the currently published
 * list, URL or file) it refuses unless the version is strictly higher, and it always refuses an
 * invalid or expired list. Bump `version` in lib/data/organizations.yaml and run `npm run list:build`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isExpired, parseList } from '../list-schema';
import { loadPrivateKey, parseArgs, signAndCheck } from './list-keys';

const DEFAULT_SOURCE = resolve(import.meta.dirname, '../data/default-list.json');

async function readPrevious(where: string): Promise<Uint8Array> {
  if (/^https?:\/\//.test(where)) {
    const res = await fetch(where, { cache: 'no-store' });
    if (!res.ok) throw new Error(`--previous ${where}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }
  return readFileSync(where);
}

async function main(): Promise<number> {
  const { opts, positional } = parseArgs(process.argv.slice(2), ['key', 'out', 'source', 'previous']);
  if (!opts.key || !opts.out || positional.length) {
    console.error('usage: npm run list:publish -- --key FILE --out DIR [--source LIST.json] [--previous URL|FILE]');
    return 2;
  }
  const source = (opts.source as string | undefined) ?? DEFAULT_SOURCE;
  const bytes = readFileSync(source);
  const list = parseList(bytes); // throws with the faulty field
  if (isExpired(list)) {
    console.error(`${source}: expired at ${list.expiresAt}; rebuild it before publishing`);
    return 1;
  }
  if (opts.previous) {
    const prev = parseList(await readPrevious(opts.previous as string));
    if (list.version <= prev.version) {
      console.error(`version ${list.version} is not higher than the published ${prev.version}: clients would ignore it. Bump the version.`);
      return 1;
    }
  }
  const { signature, publicKey } = await signAndCheck(bytes, loadPrivateKey(opts.key as string));
  const dir = opts.out as string;
  mkdirSync(dir, { recursive: true });
  const name = basename(source);
  writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, name + '.sig'), signature + '\n');
  const sha = createHash('sha256').update(bytes).digest('hex');
  console.log(
    JSON.stringify(
      {
        list: join(dir, name),
        signature: join(dir, name + '.sig'),
        version: list.version,
        organizations: list.organizations.length,
        expiresAt: list.expiresAt,
        bytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        sha256: sha,
        publicKey,
      },
      null,
      2,
    ),
  );
  console.error('Upload both files to the same folder; serve them with ETag and "Cache-Control: public, max-age=300".');
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error((e as Error).message);
    process.exitCode = 1;
  },
);
