import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * Loopback server for every host (the browser maps all names to 127.0.0.1). The page served depends
 * on the Host header, so one server plays the official site, the lookalike, the impersonating page
 * and ordinary sites. Form posts are recorded: a stopped submit is one that never arrives.
 */
const page = (name: string) => readFileSync(resolve(import.meta.dirname, 'pages', name), 'utf8');

export interface FixtureServer {
  port: number;
  submissions: { host: string; path: string }[];
  close(): Promise<void>;
}

export function pageFor(host: string, path: string): string {
  if (host === 'www.ameli.fr' || host === 'ameli.fr') return page('official.html');
  if (host === 'mon-espace-securise.com' || host === 'mon-espace-securise.example') return page('impersonation.html');
  if (host === 'espace-hostile.example') return page('impersonation-hostile.html');
  // A kit whose only field is named like a search box (read at the first focus, not at load).
  if (host === 'recherche-assure.example') return page('search-named-kit.html');
  // A kit whose form is a web component: on an address flagged by itself, and on a neutral one.
  if (host === 'ameli-dupont.fr' || host === 'portail-adherents.example') return page('shadow-kit.html');
  if (host === 'actu-sante.example' || host.startsWith('news.')) return page('news.html');
  // A kit that frames its form from another address, and the same form framed by an ordinary page.
  if (host === 'espace-remboursement-info.example') return page('framed-kit.html');
  if (host === 'club-randonnee.example') return page('framed-neutral.html');
  if (host === 'formulaire-cdn.example') return page('framed-form.html');
  // The same kit with its form in a frame that has no address of its own (srcdoc, about:blank).
  if (host === 'espace-cadre-vide.example') return page('srcdoc-kit.html');
  // A kit whose "button" is a styled div that calls form.submit() (no submit event).
  if (host === 'bouton-div.example') return page('div-button-kit.html');
  // A page that shows the kit from a blob: address it makes (HTML smuggling).
  if (host === 'chargement-blob.example') return page('blob-kit.html');
  // A loader page that writes the kit over itself once loaded (document.open).
  if (host === 'chargement-espace.example') return page('written-kit.html');
  // A fake chat assistant whose one textarea its script turns into a NIR field after load, and an
  // honest contact page with a message box.
  if (host === 'aide-en-ligne.example') return page('chat-kit.html');
  if (host === 'kine-tilleuls.example') return page('contact-textarea.html');
  // The blind sets of pages (pages/blind*/expect.tsv), each page on a neutral address of its own.
  const blind = /^\/(blind[234]?)\/([a-z0-9-]+\.html)$/.exec(path);
  if (host.startsWith('blind-') && blind) return page(`${blind[1]}/${blind[2]}`);
  if (/ameli|mgen|harmonie|vitale/.test(host)) return page('lookalike.html');
  if (path.startsWith('/large')) return largePage(10_000);
  return page('ordinary.html');
}

/** An ordinary page with about `n` elements (benchmark of the content script on big DOMs). */
export function largePage(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n / 4; i++) rows.push(`<tr><td>Ligne ${i}</td><td><a href="#r${i}">lien ${i}</a></td></tr>`);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Grand tableau</title></head><body><h1>Tableau</h1><table>${rows.join('')}</table></body></html>`;
}

export async function startServer(): Promise<FixtureServer> {
  const submissions: FixtureServer['submissions'] = [];
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    if (req.method === 'POST' || path.startsWith('/submitted')) {
      submissions.push({ host, path });
      req.resume();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Reçu</title><h1 id="received">Formulaire reçu</h1>');
      return;
    }
    if (path.endsWith('.png') || path === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(pageFor(host, path));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    submissions,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
