import { getPublicSuffix } from 'tldts';
import { EDGE_BRAND_HEAD, EDGE_BRAND_TAIL, buildIndex, edgeIndex, type EngineIndex, type IndexOptions, type Namesakes, type OrgRef } from './engine-index';
import { brandOfBlocked, isBlocked } from './detectors/blocked';
import { BeforeSuffix, brandFreeHost, certainlyUnrelated, nameCut, unrelatedBeforeSuffix } from './detectors/quick-reject';
import { detectCombosquat, leetReading, prefixLength } from './detectors/combosquat';
import { detectEmbedding } from './detectors/embedding';
import { detectHomoglyph } from './detectors/homoglyph';
import type { Match } from './detectors/match';
import { findOfficial } from './detectors/official';
import { detectSplitName } from './detectors/split-name';
import { detectStackedTypo } from './detectors/stacked-typo';
import { detectTldSwap } from './detectors/tld-swap';
import { isReservedToTheState } from './detectors/suffix-guard';
import { detectTypo } from './detectors/typo';
import { viewHost, type HostView } from './host-view';
import type { VigieList } from './list-schema';
import { normalizePlainHost, normalizeUrl, pathHostedSite, plainWebHost, translateProxySite } from './normalize';
import { isPlainHost } from './skeleton';
import { scanHost } from './host-scan';
import { SEVERITY, type ReasonCode, type Verdict } from './verdict';

export interface EngineOptions extends IndexOptions {
  /**
   * Skip the shortcuts that settle most hosts before the detectors run (quick-reject.ts, and the
   * brand-shape filter before the embedding and combination detectors). Slower; for the test that
   * proves the shortcuts never change a verdict.
   */
  noShortcuts?: boolean;
}

export interface Engine {
  readonly list: VigieList;
  /** Verdict for any string a browser may navigate to. Pure, never throws. */
  classify(input: string): Verdict;
}

// Strongest evidence first: the order reasons are listed in and the detector whose target is named.
// Detectors that see a brand spelled exactly (or disguised) come before the typo detector, which only
// runs when none of them found a strong imitation: `axa-mutuelle.org` imitates axa.fr, not a mutuelle
// two letters away. The order: homoglyph, embedding, combosquat, typo, stacked typo, split name, tld-swap (see classify).

/** Adds a detector's reasons (once each) and returns the stronger of the two matches (the earlier on a tie). */
function merge(best: Match | null, m: Match | null, reasons: ReasonCode[]): Match | null {
  if (!m) return best;
  for (const r of m.reasons) if (!reasons.includes(r)) reasons.push(r);
  return !best || SEVERITY[m.severity] > SEVERITY[best.severity] ? m : best;
}

/**
 * Whether some piece of the host (but its last, unless in the registrable name) starts or ends like a brand (see
 * EngineIndex.brandEdges), or holds digits the combination detector reads past: a number around a
 * word ("12ameli34") or a digit for a letter ("c4f").
 */
function mayHoldBrand(view: HostView, index: EngineIndex): boolean {
  // The registrable name and what comes before it, and any other piece but the host's last: a window
  // of pieces may start inside the public suffix (embedding.ts).
  const { tokens } = view;
  for (let k = 0; k < tokens.length && (k + 1 < tokens.length || tokens[k]!.label <= view.sldIndex); k++) {
    const skel = tokens[k]!.skel;
    const n = skel.length;
    if (n < 2) return true;
    if (index.brandEdges[edgeIndex(skel.charCodeAt(0), skel.charCodeAt(1))]! & EDGE_BRAND_HEAD) return true;
    if (index.brandEdges[edgeIndex(skel.charCodeAt(n - 2), skel.charCodeAt(n - 1))]! & EDGE_BRAND_TAIL) return true;
    if (isDigit(skel.charCodeAt(0)) || isDigit(skel.charCodeAt(n - 1)) || leetReading(skel) !== null) return true;
    // After a possessive or an article ("lamacifcompte"), as combosquat.ts reads it.
    const p = prefixLength(skel, 0);
    if (p > 0 && n >= p + 2 && index.brandEdges[edgeIndex(skel.charCodeAt(p), skel.charCodeAt(p + 1))]! & EDGE_BRAND_HEAD) return true;
  }
  return false;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A digit 1 alone (no digit next to it) touching a letter: "ma1f", "soc1eta1re", not "web1", "11", "2014". */
const LONE_ONE = /(?<![0-9])1(?![0-9])(?:(?<=[a-z]1)|(?=[a-z]))/;
const LONE_ONE_GLOBAL = new RegExp(LONE_ONE.source, 'g');
const DOUBLE_I = /ii/g;

/** What may stand for a host before "@": no space, slash, "@" or other separator of a URL. */
const USERINFO_HOST = /^[^\s/\\@?#:%]+$/;

function suffixOf(domain: string): string {
  return getPublicSuffix(domain, { allowPrivateDomains: true }) ?? domain.slice(domain.lastIndexOf('.') + 1);
}

function orgOf(ref: OrgRef): NonNullable<Verdict['organization']> {
  return ref.organization;
}

export function createEngine(list: VigieList, options: EngineOptions = {}, namesakes?: Namesakes): Engine {
  const index = buildIndex(list, options, suffixOf, namesakes);
  const shortcuts = !options.noShortcuts;

  /** Runs the detectors on a host view; adds their reasons to `reasons` and returns the strongest match. */
  /** `brandFree`: the quick reject proved that no piece of this host holds a brand the embedding and combination detectors read. */
  function detect(view: HostView | null, reasons: ReasonCode[], brandFree = false): Match | null {
    if (!view) return null;
    let best: Match | null = null;
    best = merge(best, detectHomoglyph(view, index), reasons);
    if (!shortcuts || (!brandFree && mayHoldBrand(view, index))) {
      best = merge(best, detectEmbedding(view, index), reasons);
      best = merge(best, detectCombosquat(view, index), reasons);
    }
    if (best?.severity !== 'lookalike') best = merge(best, detectTypo(view, index), reasons);
    if (best?.severity !== 'lookalike') best = merge(best, detectStackedTypo(view, index), reasons);
    if (best?.severity !== 'lookalike') best = merge(best, detectSplitName(view, index), reasons);
    return merge(best, detectTldSwap(view, index), reasons);
  }

  function classify(input: string): Verdict {
    const url = typeof input === 'string' ? input : String(input);
    let verdict = judge(url);
    if (verdict.verdict !== 'unknown' && verdict.verdict !== 'suspicious') return verdict;
    // (Only the URL parser's path can carry a user name: '@' never reaches the fast path.)
    if (url.includes('@')) verdict = withUserinfo(url, verdict);
    // (Most hosts have no 1 at all: the cheap search first.)
    const host = verdict.host;
    if (host === null || verdict.verdict === 'lookalike') return verdict;
    if (host.indexOf('1') >= 0 && LONE_ONE.test(host)) verdict = withOneForI(url, verdict, host);
    // "ameii", "mesdroits-ameii": an l written as an i before another i (a capital I in a message's
    // font); real kits do it. Only hosts with "ii" pay (few words have it: hawaii, skiing).
    return verdict.verdict !== 'lookalike' && host.indexOf('ii') >= 0 ? withRead(url, verdict, host, host.replace(DOUBLE_I, 'li')) : verdict;
  }

  /**
   * The verdict once a lone digit 1 between letters is read as an i rather than an l (the skeleton's
   * reading): "ma1f-soc1eta1re.fr" is maif-societaire.fr, and its lure word is only found so.
   */
  function withOneForI(url: string, own: Verdict, host: string): Verdict {
    return withRead(url, own, host, host.replace(LONE_ONE_GLOBAL, 'i'));
  }

  /** The verdict of `host` read as `read` (a disguise undone), when it is stronger: the disguise is a homoglyph. */
  function withRead(url: string, own: Verdict, host: string, read: string): Verdict {
    const shown = judge(`http://${read}/`);
    if (SEVERITY[shown.verdict] <= SEVERITY[own.verdict] || (shown.verdict !== 'lookalike' && shown.verdict !== 'suspicious')) return own;
    const reasons: ReasonCode[] = shown.reasons.includes('homoglyph') ? shown.reasons : ['homoglyph', ...shown.reasons];
    return { ...shown, url, host, reasons };
  }

  /**
   * The verdict once what the address puts before "@" is read: `https://ameli.fr@evil.example` opens
   * evil.example, but shows the official name first, a trick with no honest use. An official address
   * there makes the address a lookalike (the name inside another address: embedding); a lookalike or
   * suspicious name there counts as such. A name without a dot is read as a label of the host
   * (`https://ameli@evil.example` as ameli.evil.example).
   */
  function withUserinfo(url: string, own: Verdict): Verdict {
    const n = normalizeUrl(url);
    if (n.kind !== 'host' || !n.userinfo) return own;
    let best = own;
    for (const whole of n.userinfo) {
      // What a host would be read as: up to a path ("allianz.fr%2Flogin" decodes to "allianz.fr/login").
      const part = whole.split(/[/?#\\]/, 1)[0]!;
      const candidate = part.includes('.') ? part : n.hostType === 'domain' && part ? `${part}.${n.host}` : null;
      if (candidate === null || candidate.length > 253 || !USERINFO_HOST.test(candidate)) continue;
      const shown = judge(`http://${candidate}/`);
      let read: Verdict | null = null;
      if (shown.verdict === 'official') read = { url, host: own.host, verdict: 'lookalike', target: shown.target, reasons: ['embedding', 'userinfo'] };
      else if (shown.verdict === 'lookalike' || shown.verdict === 'suspicious') {
        read = { url, host: own.host, verdict: shown.verdict, target: shown.target, reasons: [...shown.reasons, 'userinfo'] };
      }
      if (read && SEVERITY[read.verdict] > SEVERITY[best.verdict]) best = shown.organization ? { ...read, organization: shown.organization } : read;
    }
    return best;
  }

  function judge(url: string): Verdict {
    // Most of the web, settled before its public suffix is even looked up.
    const plainHost = plainWebHost(url);
    let early: BeforeSuffix = BeforeSuffix.Undecided;
    let plain: boolean | undefined;
    if (plainHost !== null && shortcuts) {
      plain = scanHost(plainHost).plain;
      early = unrelatedBeforeSuffix(plainHost, plain, index);
      if (early === BeforeSuffix.Unrelated) return { url, host: plainHost, verdict: 'unknown', target: null, reasons: [] };
    }
    let n;
    try {
      n = plainHost !== null ? normalizePlainHost(plainHost) : normalizeUrl(url);
    } catch {
      return { url, host: null, verdict: 'invalid', target: null, reasons: [] };
    }
    if (n.kind === 'invalid') return { url, host: n.host, verdict: 'invalid', target: null, reasons: [] };
    const host = n.host;

    const domain = n.domain;
    const official = findOfficial(host, domain, index);
    if (official) {
      const reasons: ReasonCode[] = [official.viaPolicy ? 'policy-official' : 'listed'];
      if (official.loginHost) reasons.push('login-host');
      if (official.org.professionalOnly) reasons.push('professional-only');
      return { url, host, verdict: 'official', target: official.domain, reasons, organization: orgOf(official.org) };
    }

    const blocked = isBlocked(host, domain, index);
    // Not a named site, or a name only the State can hold (gouv.fr): nothing there imitates anyone.
    if (!blocked && (n.hostType !== 'domain' || isReservedToTheState(n.suffix))) return { url, host, verdict: 'unknown', target: null, reasons: [] };
    if (!blocked) {
      // A site builder that names its sites by path (sites.google.com/view/ameli-aide): that name is
      // read as a name on a hosting platform. Never above suspicious there: "continue" past a full-page
      // warning is remembered per host, and the host is the platform's.
      // Google Translate's proxy of a site (www-ameli-fr.translate.goog): what it shows is that site's.
      // A fake one proxied keeps its verdict; a real one proxied is not the official address: unknown.
      const proxied = translateProxySite(host);
      if (proxied) {
        const shown = judge(`http://${proxied}/`);
        if (shown.verdict !== 'lookalike' && shown.verdict !== 'suspicious') return { url, host, verdict: 'unknown', target: null, reasons: [] };
        return { ...shown, url, host };
      }
      const site = pathHostedSite(host, url);
      if (site) {
        const siteReasons: ReasonCode[] = [];
        const match = detect(viewHost(site, isPlainHost(site.host)), siteReasons);
        if (!match) return { url, host, verdict: 'unknown', target: null, reasons: [] };
        return { url, host, verdict: 'suspicious', target: match.brand.target, reasons: siteReasons, organization: orgOf(match.brand.org) };
      }
    }
    plain ??= isPlainHost(host);
    // (Asked already, and answered no, when the host is cut the way unrelatedBeforeSuffix read it.)
    if (shortcuts && !blocked && !(early === BeforeSuffix.NameRelated && nameCut(n)) && certainlyUnrelated(n, index, plain)) return { url, host, verdict: 'unknown', target: null, reasons: [] };
    const reasons: ReasonCode[] = blocked ? ['blocked'] : [];
    const view = viewHost(n, plain);
    // (What the quick reject found of this host holds only when the host is cut as it read it.)
    const best = detect(view, reasons, early === BeforeSuffix.NameRelated && nameCut(n) && brandFreeHost() === host);
    if (blocked) {
      const brand = best?.brand ?? (view ? brandOfBlocked(view, index) : null);
      return {
        url,
        host,
        verdict: 'lookalike',
        target: brand?.target ?? null,
        reasons,
        ...(brand ? { organization: orgOf(brand.org) } : {}),
      };
    }
    if (!best) return { url, host, verdict: 'unknown', target: null, reasons: [] };
    return { url, host, verdict: best.severity, target: best.brand.target, reasons, organization: orgOf(best.brand.org) };
  }

  return { list, classify };
}
