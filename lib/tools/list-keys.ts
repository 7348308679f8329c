import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verifyListSignature } from '../signature';

/** Shared by list:keygen, list:sign and list:publish (Node only). */

/** Base64 of the raw 32-byte Ed25519 public key: the `listPublicKeys` format. */
export function rawPublicKeyBase64(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = pub.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function loadPrivateKey(path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(path));
  } catch (e) {
    throw new Error(`cannot read the private key ${path}: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is a ${key.asymmetricKeyType} key, expected ed25519`);
  return key;
}

/** Signs the exact bytes and checks the result with the extension's own verifier before returning. */
export async function signAndCheck(bytes: Uint8Array, key: KeyObject): Promise<{ signature: string; publicKey: string }> {
  const signature = sign(null, bytes, key).toString('base64');
  const publicKey = rawPublicKeyBase64(key);
  const check = await verifyListSignature(bytes, signature, [publicKey]);
  if (!check.ok) throw new Error(`self-check failed: ${check.message}`);
  return { signature, publicKey };
}

/** Minimal `--flag value` / positional parser: these tools take three options at most. */
export function parseArgs(argv: string[], flags: readonly string[], booleans: readonly string[] = []) {
  const opts: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (booleans.includes(name)) opts[name] = true;
      else if (flags.includes(name)) {
        const v = argv[++i];
        if (v === undefined) throw new Error(`${a} needs a value`);
        opts[name] = v;
      } else throw new Error(`unknown option ${a}`);
    } else positional.push(a);
  }
  return { opts, positional };
}
