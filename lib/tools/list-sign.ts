/**
 * npm run list:sign -- --key FILE LIST.json [--allow-invalid]
 *
 * Writes LIST.json.sig: the base64 detached Ed25519 signature over the exact bytes of LIST.json.
 * Publish both files side by side; never re-format LIST.json after signing (one changed byte and
 * every client refuses it). The list is validated first, since clients would refuse an invalid one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isExpired, parseList } from '../list-schema';
import { loadPrivateKey, parseArgs, signAndCheck } from './list-keys';

async function main(): Promise<number> {
  const { opts, positional } = parseArgs(process.argv.slice(2), ['key'], ['allow-invalid']);
  if (!opts.key || positional.length !== 1) {
    console.error('usage: npm run list:sign -- --key FILE LIST.json');
    return 2;
  }
  const listPath = positional[0]!;
  const bytes = readFileSync(listPath);
  try {
    const list = parseList(bytes);
    if (isExpired(list)) console.error(`warning: this list expired at ${list.expiresAt}; clients will refuse it`);
    console.error(`list version ${list.version}, ${list.organizations.length} organisations, expires ${list.expiresAt}`);
  } catch (e) {
    if (!opts['allow-invalid']) {
      console.error(`${listPath}: ${(e as Error).message}\nrefusing to sign a list clients would reject (--allow-invalid to force)`);
      return 1;
    }
    console.error(`warning: ${(e as Error).message}`);
  }
  const { signature, publicKey } = await signAndCheck(bytes, loadPrivateKey(opts.key as string));
  writeFileSync(listPath + '.sig', signature + '\n');
  console.error(`wrote ${listPath}.sig (verifies with public key ${publicKey})`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error((e as Error).message);
    process.exitCode = 1;
  },
);
