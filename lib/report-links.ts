/**
 * Where to report, and the project's own false-positive channel. Only addresses supported by
 * ../shared/research/context.md §c are used; where a service has no documented prefill, the UI
 * copies the address to the clipboard and says so.
 */

/** PROJECT CONSTANT: the project's public issue tracker (false-positive reports). Change it here only. */
export const PROJECT_ISSUES_URL = 'https://github.com/vigie-sante/vigie-sante/issues/new';

export interface ReportService {
  id: 'phishing-initiative' | 'pharos' | 'signal-spam';
  name: string;
  url: string;
  /** The service documents no way to prefill the address: copy it for pasting. */
  copyUrl: boolean;
}

export const REPORT_SERVICES: readonly ReportService[] = [
  { id: 'phishing-initiative', name: 'Phishing Initiative', url: 'https://phishing-initiative.eu/', copyUrl: true },
  { id: 'pharos', name: 'PHAROS', url: 'https://www.internet-signalement.gouv.fr/', copyUrl: true },
  { id: 'signal-spam', name: 'Signal Spam', url: 'https://www.signal-spam.fr/', copyUrl: true },
];

/**
 * A prefilled "this site is legitimate" issue. Only the host is included (never the full address,
 * which can carry personal tokens), and only when the user clicks.
 */
export function falsePositiveReportUrl(host: string | null, target: string | null, version: string): string {
  const title = `Faux positif : ${host ?? '(adresse inconnue)'}`;
  const body = [
    `Site signalé à tort : ${host ?? ''}`,
    `Imitation supposée de : ${target ?? ''}`,
    `Version de Vigie Santé : ${version}`,
    '',
    'Pourquoi ce site est légitime (source, lien officiel) :',
  ].join('\n');
  return `${PROJECT_ISSUES_URL}?${new URLSearchParams({ title, body }).toString()}`;
}

/** The official site of a target domain, as a link. */
export function officialUrl(target: string | null): string | null {
  return target ? `https://${target}/` : null;
}
