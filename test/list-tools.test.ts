import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LIST_PUBLIC_KEYS } from '../lib/list-keys';
import { isWellFormedPublicKey, verifyListSignature } from '../lib/signature';
import { listText } from './helpers/signed-list';
import { runTool } from './helpers/run-tool';

const tsx = (script: string, args: string[], beforeRetry?: () => void) => runTool(script, args, {}, beforeRetry);

describe('list tooling (keygen → sign → publish)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-tools-'));
  const keyFile = join(dir, 'key.pem');

  it('keygen writes a private key with mode 600 and prints the raw public key; sign makes a verifiable .sig', async () => {
    const gen = tsx('list-keygen.ts', ['--out', keyFile], () => rmSync(keyFile, { force: true }));
    expect(gen.status).toBe(0);
    const pub = gen.stdout.trim();
    expect(isWellFormedPublicKey(pub)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(tsx('list-keygen.ts', ['--out', keyFile]).status).toBe(1); // never overwrites a key

    const listFile = join(dir, 'list.json');
    writeFileSync(listFile, listText(5, { expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }));
    const s = tsx('list-sign.ts', ['--key', keyFile, listFile]);
    expect(s.status).toBe(0);
    const sig = readFileSync(listFile + '.sig', 'utf8');
    expect(await verifyListSignature(readFileSync(listFile), sig, [pub])).toMatchObject({ ok: true });

    writeFileSync(join(dir, 'bad.json'), '{"schema":2}');
    expect(tsx('list-sign.ts', ['--key', keyFile, join(dir, 'bad.json')]).status).toBe(1);

    const out = join(dir, 'site');
    const p = tsx('list-publish.ts', ['--key', keyFile, '--out', out, '--source', listFile]);
    expect(p.status).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({ version: 5, publicKey: pub });
    expect(readFileSync(join(out, 'list.json'))).toEqual(readFileSync(listFile));
    // Refuses to publish a version that is not above the published one.
    expect(tsx('list-publish.ts', ['--key', keyFile, '--out', out, '--source', listFile, '--previous', join(out, 'list.json')]).status).toBe(1);
  }, 60_000);

  it('bundled public keys are well-formed', () => {
    expect(BUNDLED_LIST_PUBLIC_KEYS.length).toBeGreaterThan(0);
    for (const k of BUNDLED_LIST_PUBLIC_KEYS) expect(isWellFormedPublicKey(k)).toBe(true);
  });
});
