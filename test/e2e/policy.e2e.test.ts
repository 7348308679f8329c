import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, type ExtBrowser } from './chromium';
import { startServer, type FixtureServer } from './server';

/**
 * Enterprise policy in real Chromium: a managed policy file (as an administrator would deploy it)
 * points listUrl/listPublicKeys at a loopback list server with a key made here. A newly signed list
 * adds an organisation, and its lookalikes are warned without rebuilding the extension;
 * blockedDomains, extraOfficialDomains and allowProceed: false are honoured.
 *
 * Needs root (CI) to write /etc/chromium/policies/managed. The built extension is copied and given a
 * test-only manifest key, so the policy (keyed by extension id) cannot touch any other test run.
 */

// Runs inside extension pages (page.evaluate), where the extension API is the global `chrome`.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const canRun = process.getuid?.() === 0 && existsSync(join(EXTENSION_DIR, 'manifest.json'));

const NEW_ORG = { id: 'mutuelle-vigie-e2e', name: 'Mutuelle Vigie E2E', category: 'insurer', domains: ['mutuelle-vigie-e2e.fr'], brands: ['vigiemutuelle'] };
const NEW_ORG_LOOKALIKE = 'vigiemutuelle-remboursement.fr';
const BLOCKED = 'recettes-bloquees.example';
const MADE_OFFICIAL = 'ameli-remboursement.fr'; // a lookalike of ameli.fr without the policy

/** Chromium extension id from a manifest key: sha256 of the DER public key, 32 hex digits mapped to a-p. */
function extensionIdFromKey(derSpki: Buffer): string {
  return [...createHash('sha256').update(derSpki).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

let b: ExtBrowser;
let srv: FixtureServer;
let listServer: Server;
let extDir: string;
let policyFile: string;
let extensionId: string;
let newVersion: number;
const listRequests: string[] = [];
const url = (host: string, path = '/') => `http://${host}:${srv.port}${path}`;

beforeAll(async () => {
  if (!canRun) return;
  // 1. A private copy of the built extension with a test-only id.
  extDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-policy-ext-'));
  cpSync(EXTENSION_DIR, extDir, { recursive: true });
  const manifestPath = join(extDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!manifest.storage?.managed_schema) throw new Error('the built manifest has no storage.managed_schema: Chromium would ignore the policy');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = rsa.publicKey.export({ type: 'spki', format: 'der' });
  manifest.key = der.toString('base64');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  extensionId = extensionIdFromKey(der);

  // 2. A signed list: the bundled one plus a new organisation, with a higher version.
  const bundled = JSON.parse(readFileSync(join(import.meta.dirname, '../../lib/data/default-list.json'), 'utf8'));
  newVersion = bundled.version + 1000;
  const listBytes = Buffer.from(JSON.stringify({ ...bundled, version: newVersion, organizations: [...bundled.organizations, NEW_ORG] }));
  const ed = generateKeyPairSync('ed25519');
  const publicKey = Buffer.from(ed.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  const signature = sign(null, listBytes, ed.privateKey).toString('base64') + '\n';
  const etag = '"' + createHash('sha256').update(listBytes).digest('hex').slice(0, 16) + '"';
  // A plain static server without any CORS header, like most administrators' web servers: the
  // extension's host permission must be enough to read it (ETag included).
  listServer = createServer((req, res) => {
    listRequests.push(`${req.method} ${req.url}`);
    if (req.url === '/vigie/list.json.sig') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(signature);
    if (req.url !== '/vigie/list.json') return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(listBytes);
  });
  await new Promise<void>((r) => listServer.listen(0, '127.0.0.1', r));
  const listUrl = `http://127.0.0.1:${(listServer.address() as AddressInfo).port}/vigie/list.json`;

  // 3. The administrator's policy, exactly as docs/enterprise.md shows it for Linux.
  mkdirSync(POLICY_DIR, { recursive: true });
  policyFile = join(POLICY_DIR, `vigie-e2e-${extensionId}.json`);
  writeFileSync(
    policyFile,
    JSON.stringify({
      '3rdparty': {
        extensions: {
          [extensionId]: {
            listUrl,
            listPublicKeys: [publicKey],
            blockedDomains: [BLOCKED],
            extraOfficialDomains: [MADE_OFFICIAL],
            allowProceed: false,
          },
        },
      },
    }),
  );

  srv = await startServer();
  b = await launchWithExtension(extDir);
}, 120_000);

afterAll(async () => {
  if (policyFile) rmSync(policyFile, { force: true });
  await b?.close();
  await srv?.close();
  if (listServer) await new Promise((r) => listServer.close(r));
  if (extDir) rmSync(extDir, { recursive: true, force: true });
});

async function extPage(path: string): Promise<Page> {
  const p = await b.context.newPage();
  await p.goto(`chrome-extension://${b.extensionId}/${path}`);
  return p;
}

async function gotoAndSettle(p: Page, u: string): Promise<void> {
  await p.goto(u, { waitUntil: 'load' }).catch(() => undefined); // the redirect to the warning page aborts the load
  await p.waitForLoadState('load');
  await p.waitForTimeout(300);
}

async function waitForWarning(p: Page): Promise<void> {
  await expect.poll(() => p.url(), { timeout: 10_000, interval: 100 }).toMatch(/^chrome-extension:\/\/[a-p]{32}\/warning\.html#id=/);
  await p.waitForLoadState('load');
}

// Outside CI a developer without root may skip it; in CI it must run (and fail loudly if it cannot).
describe.skipIf(!canRun && !process.env.CI)('enterprise policy in Chromium', () => {
  it('Chromium delivers the policy to the extension', async () => {
    expect(b.extensionId).toBe(extensionId);
    const ext = await extPage('options.html');
    const managed = await ext.evaluate(() => chrome.storage.managed.get());
    expect(managed).toMatchObject({ allowProceed: false, blockedDomains: [BLOCKED], extraOfficialDomains: [MADE_OFFICIAL] });
    await ext.close();
  });

  it('downloads and adopts the newly signed list from the policy listUrl', async () => {
    const ext = await extPage('options.html');
    await expect
      .poll(() => ext.evaluate(() => chrome.runtime.sendMessage({ type: 'getListStatus' })), { timeout: 30_000, interval: 500 })
      .toMatchObject({ source: 'synced', version: newVersion });
    expect(listRequests).toContain('GET /vigie/list.json');
    expect(listRequests).toContain('GET /vigie/list.json.sig');
    await ext.close();
  });

  it("the new organisation's lookalike is warned, without a continue button (allowProceed: false)", async () => {
    const p = await b.context.newPage();
    await gotoAndSettle(p, url(NEW_ORG_LOOKALIKE, '/connexion'));
    await waitForWarning(p);
    await p.getByRole('heading', { level: 1 }).waitFor();
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toContain('mutuelle-vigie-e2e.fr');
    await p.waitForTimeout(300);
    expect(await p.getByRole('button', { name: /Continuer quand même/ }).count()).toBe(0);
    await p.close();
  });

  it('blockedDomains are warned', async () => {
    const p = await b.context.newPage();
    await gotoAndSettle(p, url(BLOCKED));
    await waitForWarning(p);
    await p.close();
  });

  it('extraOfficialDomains are not warned', async () => {
    const p = await b.context.newPage();
    await gotoAndSettle(p, url(MADE_OFFICIAL, '/espace'));
    await p.waitForTimeout(1000);
    expect(p.url()).toBe(url(MADE_OFFICIAL, '/espace'));
    await p.close();
  });

  it('the options page shows the administrator settings as locked', async () => {
    const ext = await extPage('options.html');
    const info = (await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'getSettings' }))) as { locked: string[] };
    expect([...info.locked].sort()).toEqual(['allowProceed', 'blockedDomains', 'extraOfficialDomains', 'listPublicKeys', 'listUrl']);
    await ext.close();
  });
});
