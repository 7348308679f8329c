/**
 * npm run list:keygen -- --out FILE [--force]
 *
 * Creates an Ed25519 signing key for lists. Writes the private key (PKCS#8 PEM, file mode 600) to FILE
 * and prints the public key (base64 of the raw 32 bytes) on stdout: that string goes into the
 * `listPublicKeys` policy. Keep FILE offline or in a secret store; never commit it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { parseArgs, rawPublicKeyBase64 } from './list-keys';

function main(): number {
  const { opts, positional } = parseArgs(process.argv.slice(2), ['out'], ['force']);
  const out = opts.out as string | undefined;
  if (!out || positional.length) {
    console.error('usage: npm run list:keygen -- --out FILE [--force]');
    return 2;
  }
  if (existsSync(out) && !opts.force) {
    console.error(`${out} already exists; refusing to overwrite a signing key (use --force)`);
    return 1;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  writeFileSync(out, pem, { mode: 0o600 });
  chmodSync(out, 0o600); // mode is ignored when the file already existed (--force)
  console.error(`private key written to ${out} (mode 600). Public key (listPublicKeys):`);
  console.log(rawPublicKeyBase64(privateKey));
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
