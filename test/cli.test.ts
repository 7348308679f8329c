import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (args: string[], input?: string) =>
  spawnSync('npm', ['run', '--silent', 'classify', '--', ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
const lines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l));

// Each case starts the CLI through npm and tsx, as IT teams will: allow for slow machines.
describe('classify CLI (contract: DESIGN.md)', { timeout: 60_000 }, () => {
  it('classifies URLs given as arguments, one JSON line each, in order, with exactly the contract keys', () => {
    const r = run(['https://assure.ameli.fr/', 'https://ameli-remboursement.com/', 'about:blank', 'https://www.lemonde.fr/']);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.verdict)).toEqual(['official', 'lookalike', 'invalid', 'unknown']);
    for (const o of out) expect(Object.keys(o)).toEqual(['url', 'host', 'verdict', 'target', 'reasons']);
    expect(out[1]).toEqual({ url: 'https://ameli-remboursement.com/', host: 'ameli-remboursement.com', verdict: 'lookalike', target: 'ameli.fr', reasons: ['combosquat'] });
  });

  it('reads stdin line by line; bad lines are invalid, never a crash; CRLF and empty lines keep the count', () => {
    const input = ['https://ameli.fr', '', 'garbage \u0001', '\uFFFD\uFFFD', 'https://аmeli.fr/', 'http://[::1', 'https://mgen.fr\r'].join('\n') + '\n';
    const r = run([], input);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(7);
    expect(out.map((o) => o.verdict)).toEqual(['official', 'invalid', 'invalid', 'invalid', 'lookalike', 'invalid', 'official']);
  });

  it('streams 100,000 URLs', () => {
    const url = (i: number) => (i % 3 ? `https://site${i}.example.com/p?q=${i}` : `https://ameli-remboursement${i}.com/`);
    const input = Array.from({ length: 100_000 }, (_, i) => url(i)).join('\n');
    const out = execFileSync('npm', ['run', '--silent', 'classify'], { input, encoding: 'utf8', maxBuffer: 256 << 20 });
    const rows = out.trimEnd().split('\n');
    expect(rows).toHaveLength(100_000);
    expect(JSON.parse(rows[99_998]!)).toMatchObject({ url: url(99_998), verdict: 'unknown' });
    expect(JSON.parse(rows[99_999]!)).toMatchObject({ url: url(99_999), verdict: 'lookalike', target: 'ameli.fr' });
  }, 120_000);

  it('--list classifies against another list file, and rejects a bad one with a message naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    const good = join(dir, 'list.json');
    writeFileSync(
      good,
      JSON.stringify({
        schema: 1,
        version: 7,
        generatedAt: '2026-11-01T00:00:00Z',
        expiresAt: '2027-05-01T00:00:00Z',
        organizations: [{ id: 'acme', name: 'Mutuelle Acme', category: 'insurer', domains: ['acme-mutuelle.example'], brands: ['acmemut'] }],
        keywords: ['remboursement'],
      }),
    );
    const r = run(['--list', good, 'https://acme-mutuelle.example/', 'https://acmemut-remboursement.com/', 'https://ameli.fr/']);
    expect(lines(r.stdout).map((o) => o.verdict)).toEqual(['official', 'lookalike', 'unknown']);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 1, version: 'x' }));
    const b = run(['--list', bad, 'https://ameli.fr/']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('version');
    expect(b.stdout).toBe('');
  }, 60_000);
});
