import { verifyAsync as nobleVerifyAsync } from '@noble/ed25519';

/**
 * Detached Ed25519 signatures over the exact bytes of a list (DESIGN.md "Signed list").
 * WebCrypto Ed25519 is used where the platform has it (Chrome 137+, Firefox 129+, Node 20);
 * otherwise @noble/ed25519, whose async API hashes with WebCrypto's SHA-512, so no extra dependency.
 */

export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export type SignatureFailure =
  | 'no-keys' // no trusted key at all
  | 'bad-signature-encoding' // not strict base64
  | 'bad-signature-length' // decodes, but not 64 bytes
  | 'bad-key' // every trusted key is malformed (encoding or length)
  | 'no-match'; // well-formed, but no trusted key verifies it

export type SignatureResult =
  | { ok: true; keyIndex: number; backend: Backend }
  | { ok: false; reason: SignatureFailure; message: string };

export type Backend = 'webcrypto' | 'noble';

export class Base64Error extends Error {
  override name = 'Base64Error';
}

const B64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Strict standard base64 (RFC 4648 §4, padding required, no inner whitespace, canonical trailing
 * bits). Leading/trailing whitespace is tolerated because `.sig` files usually end with a newline.
 * When `expectedLength` is given the decoded size must match.
 */
export function decodeBase64Strict(input: string, expectedLength?: number): Uint8Array {
  if (typeof input !== 'string') throw new Base64Error('not a string');
  const s = input.trim();
  if (s.length === 0) throw new Base64Error('empty');
  if (s.length % 4 !== 0 || !B64_RE.test(s)) throw new Base64Error('not standard base64 (A-Z a-z 0-9 + / with = padding)');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  // Non-canonical encodings (unused low bits set) would let two strings mean the same key.
  const last = B64_ALPHABET.indexOf(s[s.length - 1 - pad]!);
  if ((pad === 2 && (last & 0x0f) !== 0) || (pad === 1 && (last & 0x03) !== 0)) throw new Base64Error('non-canonical base64');
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const n =
      (B64_ALPHABET.indexOf(s[i]!) << 18) |
      (B64_ALPHABET.indexOf(s[i + 1]!) << 12) |
      ((s[i + 2] === '=' ? 0 : B64_ALPHABET.indexOf(s[i + 2]!)) << 6) |
      (s[i + 3] === '=' ? 0 : B64_ALPHABET.indexOf(s[i + 3]!));
    out[o++] = (n >> 16) & 0xff;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  if (expectedLength !== undefined && out.length !== expectedLength)
    throw new Base64Error(`decodes to ${out.length} bytes, expected ${expectedLength}`);
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    s += B64_ALPHABET[(n >> 18) & 63]! + B64_ALPHABET[(n >> 12) & 63]!;
    s += i + 1 < bytes.length ? B64_ALPHABET[(n >> 6) & 63]! : '=';
    s += i + 2 < bytes.length ? B64_ALPHABET[n & 63]! : '=';
  }
  return s;
}

/** Whether `key` is a well-formed base64 raw 32-byte public key (the `listPublicKeys` format). */
export function isWellFormedPublicKey(key: unknown): key is string {
  if (typeof key !== 'string') return false;
  try {
    decodeBase64Strict(key, PUBLIC_KEY_BYTES);
    return true;
  } catch {
    return false;
  }
}

// RFC 8032 §7.1 test 1: a known-good triple, used once to check the platform really verifies.
const PROBE_KEY = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const PROBE_SIG = hex(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);

function hex(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
}

let detected: Promise<Backend> | null = null;

/** Feature-detects WebCrypto Ed25519 once per process; falls back to noble on any failure. */
export function detectBackend(): Promise<Backend> {
  detected ??= (async (): Promise<Backend> => {
    try {
      const subtle = globalThis.crypto?.subtle;
      if (!subtle) return 'noble';
      const key = await subtle.importKey('raw', PROBE_KEY as BufferSource, { name: 'Ed25519' }, false, ['verify']);
      const ok = await subtle.verify({ name: 'Ed25519' }, key, PROBE_SIG as BufferSource, new Uint8Array(0));
      return ok ? 'webcrypto' : 'noble';
    } catch {
      return 'noble';
    }
  })();
  return detected;
}

/** Forget the detected backend (tests that stub WebCrypto). */
export function resetBackendDetection(): void {
  detected = null;
}

async function verifyOne(backend: Backend, key: Uint8Array, sig: Uint8Array, bytes: Uint8Array): Promise<boolean> {
  if (backend === 'webcrypto') {
    // importKey rejects some malformed points: that key simply does not verify.
    try {
      const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'Ed25519' }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'Ed25519' }, k, sig as BufferSource, bytes as BufferSource);
    } catch {
      return false;
    }
  }
  try {
    // zip215:false = RFC 8032 strict, the same acceptance rules as the WebCrypto path.
    return await nobleVerifyAsync(sig, bytes, key, { zip215: false });
  } catch {
    return false;
  }
}

export interface VerifyOptions {
  /** Force a backend (tests, or a platform known to be broken). Default: detected once. */
  backend?: Backend;
}

/**
 * Verifies a detached base64 Ed25519 signature over `bytes` against trusted base64 raw public keys
 * (bundled keys and the administrator's `listPublicKeys`). Malformed keys are skipped, so one bad
 * policy entry cannot disable the good ones; the result names the first key that verifies.
 */
export async function verifyListSignature(
  bytes: Uint8Array,
  signatureBase64: string,
  publicKeysBase64: readonly string[],
  options: VerifyOptions = {},
): Promise<SignatureResult> {
  if (publicKeysBase64.length === 0) return { ok: false, reason: 'no-keys', message: 'no trusted public key is configured' };
  let sig: Uint8Array;
  try {
    sig = decodeBase64Strict(signatureBase64);
  } catch (e) {
    return { ok: false, reason: 'bad-signature-encoding', message: `signature is not valid base64: ${(e as Error).message}` };
  }
  if (sig.length !== SIGNATURE_BYTES)
    return { ok: false, reason: 'bad-signature-length', message: `signature is ${sig.length} bytes, expected ${SIGNATURE_BYTES}` };

  const keys: { index: number; raw: Uint8Array }[] = [];
  const badKeys: string[] = [];
  publicKeysBase64.forEach((k, index) => {
    try {
      keys.push({ index, raw: decodeBase64Strict(k, PUBLIC_KEY_BYTES) });
    } catch (e) {
      badKeys.push(`key #${index}: ${(e as Error).message}`);
    }
  });
  if (keys.length === 0) return { ok: false, reason: 'bad-key', message: `no usable public key (${badKeys.join('; ')})` };

  const backend = options.backend ?? (await detectBackend());
  for (const { index, raw } of keys) {
    if (await verifyOne(backend, raw, sig, bytes)) return { ok: true, keyIndex: index, backend };
  }
  return {
    ok: false,
    reason: 'no-match',
    message: `the signature does not verify with any of the ${keys.length} trusted key(s)` + (badKeys.length ? ` (skipped ${badKeys.join('; ')})` : ''),
  };
}
