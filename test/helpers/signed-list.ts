import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** Test-only lists and keys: they never depend on the real bundled list, so they survive its updates. */

export interface TestKey {
  privateKey: KeyObject;
  publicB64: string;
}

export function makeKey(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicB64: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64') };
}

export function signBytes(key: TestKey, bytes: Uint8Array | string): string {
  return sign(null, typeof bytes === 'string' ? Buffer.from(bytes) : bytes, key.privateKey).toString('base64');
}

const DAY = 86_400_000;
export const T0 = Date.parse('2026-06-01T00:00:00Z');

export function listObject(version: number, opts: { expiresAt?: string; extraOrg?: string } = {}) {
  const organizations: Record<string, unknown>[] = [
    { id: 'test-cpam', name: 'Caisse de test', category: 'public', domains: ['caisse-test.example'], brands: ['caissetest'] },
  ];
  if (opts.extraOrg)
    organizations.push({ id: opts.extraOrg, name: `Org ${opts.extraOrg}`, category: 'insurer', domains: [`${opts.extraOrg}.example`], brands: [opts.extraOrg] });
  return {
    schema: 1,
    version,
    generatedAt: new Date(T0 - DAY).toISOString(),
    expiresAt: opts.expiresAt ?? new Date(T0 + 90 * DAY).toISOString(),
    organizations,
    blocked: [],
    keywords: ['remboursement'],
  };
}

export function listText(version: number, opts: Parameters<typeof listObject>[1] = {}): string {
  return JSON.stringify(listObject(version, opts)) + '\n';
}
