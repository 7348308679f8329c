import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeBase64Strict,
  detectBackend,
  encodeBase64,
  isWellFormedPublicKey,
  resetBackendDetection,
  verifyListSignature,
  type Backend,
} from '../lib/signature';

function keypair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, publicB64: Buffer.from(jwk.x!, 'base64url').toString('base64') };
}

const signer = keypair();
const other = keypair();
const bytes = new TextEncoder().encode('{"schema":1,"version":7}\n');
const sigB64 = sign(null, bytes, signer.privateKey).toString('base64');

const hexBytes = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));

describe.each<Backend>(['webcrypto', 'noble'])('verifyListSignature (%s backend)', (backend) => {
  const v = (b: Uint8Array, s: string, keys: string[]) => verifyListSignature(b, s, keys, { backend });

  it('accepts a good signature and names the key', async () => {
    expect(await v(bytes, sigB64, [signer.publicB64])).toEqual({ ok: true, keyIndex: 0, backend });
    expect(await v(bytes, sigB64, [other.publicB64, signer.publicB64])).toMatchObject({ ok: true, keyIndex: 1 });
  });

  it('tolerates the trailing newline of a .sig file', async () => {
    expect(await v(bytes, sigB64 + '\n', [signer.publicB64])).toMatchObject({ ok: true });
  });

  it('rejects one tampered byte anywhere in the list', async () => {
    for (const i of [0, 5, bytes.length - 1]) {
      const t = bytes.slice();
      t[i]! ^= 0x01;
      expect(await v(t, sigB64, [signer.publicB64])).toMatchObject({ ok: false, reason: 'no-match' });
    }
  });

  it('rejects a tampered signature byte', async () => {
    const s = Buffer.from(sigB64, 'base64');
    s[10]! ^= 0x80;
    expect(await v(bytes, s.toString('base64'), [signer.publicB64])).toMatchObject({ ok: false, reason: 'no-match' });
  });

  it('rejects a signature made with another key', async () => {
    expect(await v(bytes, sigB64, [other.publicB64])).toMatchObject({ ok: false, reason: 'no-match' });
  });

  it('verifies the RFC 8032 §7.1 test 2 vector', async () => {
    const key = encodeBase64(hexBytes('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c'));
    const sig = encodeBase64(
      hexBytes(
        '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
      ),
    );
    expect(await v(hexBytes('72'), sig, [key])).toMatchObject({ ok: true, keyIndex: 0 });
    expect(await v(hexBytes('73'), sig, [key])).toMatchObject({ ok: false, reason: 'no-match' });
  });
});

describe('verifyListSignature: malformed input', () => {
  it.each([
    ['non-alphabet character', sigB64.slice(0, 10) + '!' + sigB64.slice(11), 'bad-signature-encoding'],
    ['base64url alphabet', '-_' + sigB64.slice(2), 'bad-signature-encoding'],
    ['missing padding', sigB64.replace(/=+$/, ''), 'bad-signature-encoding'],
    ['inner whitespace', sigB64.slice(0, 20) + ' ' + sigB64.slice(20), 'bad-signature-encoding'],
    ['empty', '', 'bad-signature-encoding'],
    ['too short (63 bytes)', Buffer.alloc(63, 1).toString('base64'), 'bad-signature-length'],
    ['too long (65 bytes)', Buffer.alloc(65, 1).toString('base64'), 'bad-signature-length'],
  ])('signature: %s', async (_name, sig, reason) => {
    expect(await verifyListSignature(bytes, sig, [signer.publicB64])).toMatchObject({ ok: false, reason });
  });

  it('no keys at all', async () => {
    expect(await verifyListSignature(bytes, sigB64, [])).toMatchObject({ ok: false, reason: 'no-keys' });
  });

  it('only malformed keys', async () => {
    const r = await verifyListSignature(bytes, sigB64, ['not base64!', Buffer.alloc(31).toString('base64')]);
    expect(r).toMatchObject({ ok: false, reason: 'bad-key' });
    expect(r.ok === false && r.message).toMatch(/31 bytes, expected 32/);
  });

  it('a malformed key does not hide a good one', async () => {
    expect(await verifyListSignature(bytes, sigB64, ['@@@', signer.publicB64])).toMatchObject({ ok: true, keyIndex: 1 });
  });
});

describe('backend detection', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetBackendDetection();
  });

  it('uses WebCrypto when the platform verifies Ed25519', async () => {
    resetBackendDetection();
    expect(await detectBackend()).toBe('webcrypto');
  });

  it('falls back to noble when WebCrypto lacks Ed25519, and still verifies', async () => {
    resetBackendDetection();
    const real = crypto.subtle.importKey.bind(crypto.subtle);
    const spy = vi.spyOn(crypto.subtle, 'importKey').mockImplementation(((...args: Parameters<typeof real>) => {
      const alg = args[2] as { name?: string } | string;
      if ((typeof alg === 'string' ? alg : alg.name) === 'Ed25519')
        return Promise.reject(new DOMException('Unrecognized algorithm name', 'NotSupportedError'));
      return real(...args);
    }) as typeof crypto.subtle.importKey);
    expect(await detectBackend()).toBe('noble');
    expect(await verifyListSignature(bytes, sigB64, [signer.publicB64])).toEqual({ ok: true, keyIndex: 0, backend: 'noble' });
    const t = bytes.slice();
    t[0]! ^= 1;
    expect(await verifyListSignature(t, sigB64, [signer.publicB64])).toMatchObject({ ok: false, reason: 'no-match' });
    expect(spy).toHaveBeenCalled();
  });
});

describe('decodeBase64Strict', () => {
  it('round-trips every length 0..70 with node Buffer', () => {
    for (let n = 1; n <= 70; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const s = Buffer.from(b).toString('base64');
      expect(encodeBase64(b)).toBe(s);
      expect(Buffer.from(decodeBase64Strict(s)).equals(Buffer.from(b))).toBe(true);
    }
  });

  it('rejects non-canonical trailing bits', () => {
    expect(() => decodeBase64Strict('QQ==')).not.toThrow();
    expect(() => decodeBase64Strict('QR==')).toThrow(/non-canonical/);
    expect(() => decodeBase64Strict('QUI=')).not.toThrow();
    expect(() => decodeBase64Strict('QUJ=')).toThrow(/non-canonical/);
  });

  it('checks the expected length', () => {
    expect(() => decodeBase64Strict(Buffer.alloc(32).toString('base64'), 32)).not.toThrow();
    expect(() => decodeBase64Strict(Buffer.alloc(33).toString('base64'), 32)).toThrow(/33 bytes/);
  });

  it('isWellFormedPublicKey', () => {
    expect(isWellFormedPublicKey(signer.publicB64)).toBe(true);
    expect(isWellFormedPublicKey(sigB64)).toBe(false);
    expect(isWellFormedPublicKey(42)).toBe(false);
  });
});
