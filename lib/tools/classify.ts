/**
 * CLI for IT teams (contract in README / DESIGN.md):
 *   npm run --silent classify -- [--list FILE] [URL ...]
 * With no URL, reads one URL per line on stdin. Prints one JSON line per input, same order:
 *   {"url":…,"host":…,"verdict":…,"target":…,"reasons":[…]}
 * A bad line gives "invalid", never a crash.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { defaultList } from '../default-list';
import { createEngine } from '../engine';
import { ListError, parseList, type VigieList } from '../list-schema';
import { toContractJson } from '../verdict';

function usage(): never {
  process.stderr.write('usage: npm run --silent classify -- [--list FILE] [URL ...]   (no URL: one per line on stdin)\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let list: VigieList = defaultList;
const urls: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--list') {
    const file = args[++i];
    if (!file) usage();
    try {
      list = parseList(readFileSync(file));
    } catch (e) {
      const why = e instanceof ListError ? e.message : `cannot read ${file}: ${(e as Error).message}`;
      process.stderr.write(`classify: ${why}\n`);
      process.exit(2);
    }
  } else if (a === '--help' || a === '-h') usage();
  else if (a === '--') continue;
  else urls.push(a);
}

const engine = createEngine(list);
const out = process.stdout;
// Batch writes: one write per line would dominate the cost of streaming 100,000 URLs.
let buffer = '';
const emit = (line: string) => {
  buffer += toContractJson(engine.classify(line)) + '\n';
  if (buffer.length > 1 << 16) flush();
};
const flush = () => {
  if (buffer) out.write(buffer);
  buffer = '';
};
out.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0); // `| head` closed the pipe: not an error
  throw e;
});

if (urls.length > 0) {
  urls.forEach(emit);
  flush();
} else {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', emit);
  rl.on('close', flush);
}
