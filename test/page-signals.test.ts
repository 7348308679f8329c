import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBrandMatcherData } from '../lib/brand-matcher';
import { collectPageSignals, fieldSensitiveKinds, watchFields } from '../lib/page-signals';
import { testList } from './fixtures/brand-test-list';
import { defaultList } from '../lib/default-list';

const matcher = buildBrandMatcherData(testList);
const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function load(html: string, url = 'https://neutral-site.example/page'): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(win);
  win.document.write(html);
  return win.document as unknown as Document;
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');

describe('collectPageSignals on page fixtures', () => {
  it.each<[string, string[], string[], string]>([
    ['fake-ameli-login.html', ['assurance-maladie'], ['nir', 'password'], 'logo file name, ameli favicon, "ameli - Connexion" title'],
    ['fake-mutuelle-card.html', ['harmonie-mutuelle', 'assurance-maladie'], ['card-number', 'card-expiry', 'card-cvv', 'birth-date'], 'site name + "carte Vitale" lure with a card form'],
    ['fake-iban-remboursement.html', ['assurance-maladie'], ['iban'], 'title part "Assurance Maladie", IBAN found by the text before the field'],
    ['news-carte-vitale-scam.html', [], ['password'], 'news article: ameli only mentioned in sentences; subscriber login is not high value'],
    ['forum-ameli-mgen.html', [], ['password'], 'forum thread naming ameli and MGEN with a login box'],
    ['comparator-mutuelles.html', [], ['birth-date'], 'three insurers named with logos: a comparison page, not an impersonation'],
    ['hospital-preadmission.html', [], ['nir', 'birth-date'], 'legit NIR form saying "carte Vitale" without any lure word'],
  ])('%s', (file, brands, sensitive) => {
    const signals = collectPageSignals(load(fixture(file)), matcher);
    expect(signals.sensitive).toEqual(sensitive);
    expect(signals.brandOrgIds).toEqual(brands);
  });

  it('reports sensitive fields without a matcher (the content script asks for one only then)', () => {
    expect(collectPageSignals(load(fixture('fake-ameli-login.html')), null)).toEqual({ brandOrgIds: [], sensitive: ['nir', 'password'] });
  });

  it('a brand in the title alone is reported but carries no sensitive field (the decision needs both)', () => {
    const s = collectPageSignals(load('<title>Mon compte ameli</title><p>Bienvenue</p>'), matcher);
    expect(s).toEqual({ brandOrgIds: ['assurance-maladie'], sensitive: [] });
  });

  it('a kit that disguises the name (Cyrillic letters, invisible characters) is read as the reader sees it', () => {
    const form = '<form><input name="nir" maxlength="15" placeholder="Numéro de sécurité sociale"><input type=password></form>';
    expect(collectPageSignals(load(`<title>Amеli - Mon compte</title>${form}`), matcher).brandOrgIds).toEqual(['assurance-maladie']);
    expect(collectPageSignals(load(`<title>am\u00ADeli - Connexion</title>${form}`), matcher).brandOrgIds).toEqual(['assurance-maladie']);
    expect(collectPageSignals(load(`<meta property="og:site_name" content="Harmοnie Mutuelle">${form}`), matcher).brandOrgIds).toEqual(['harmonie-mutuelle']);
    // A word wholly in Cyrillic keeps its letters: Russian "аха" (aha) is not AXA.
    const bundled = buildBrandMatcherData(defaultList);
    expect(collectPageSignals(load(`<meta property="og:site_name" content="Аха">${form}`), bundled).brandOrgIds).toEqual([]);
    expect(collectPageSignals(load(`<meta property="og:site_name" content="AXA">${form}`), bundled).brandOrgIds).toEqual(['axa']);
  });

  it('short acronyms count only as a site name on their own ("MMA"), never in a headline', () => {
    expect(collectPageSignals(load('<meta property="og:site_name" content="MMA"><input type=password>'), matcher).brandOrgIds).toEqual(['mma']);
    expect(collectPageSignals(load('<meta property="og:site_name" content="MMA Fight News"><input type=password>'), matcher).brandOrgIds).toEqual([]);
    expect(collectPageSignals(load('<title>MMA - Billetterie</title><input autocomplete="cc-number">'), matcher).brandOrgIds).toEqual([]);
  });

  it('an organisation named by an ordinary word is not read from that word alone (Mutex, the insurer)', () => {
    const bundled = buildBrandMatcherData(defaultList);
    expect(collectPageSignals(load('<title>Mutex - Rust std::sync</title><h1>Mutex</h1><input type=password>'), bundled).brandOrgIds).toEqual([]);
    expect(collectPageSignals(load('<title>Mutex l\'alliance mutualiste - Connexion</title><input type=password>'), bundled).brandOrgIds).toEqual(['mutex']);
  });

  it('a mention needs a lure word and high-value data', () => {
    const form = '<form><label>Numéro de carte<input name=c></label></form>';
    expect(collectPageSignals(load(`<h1>Frais de renouvellement Harmonie Mutuelle en retard</h1>${form}`), matcher).brandOrgIds).toEqual(['harmonie-mutuelle']);
    expect(collectPageSignals(load(`<h1>Billetterie du concert Harmonie Mutuelle en plein air</h1>${form}`), matcher).brandOrgIds).toEqual([]);
    expect(collectPageSignals(load('<h1>Frais de renouvellement Harmonie Mutuelle en retard</h1><input type=password>'), matcher).brandOrgIds).toEqual([]);
  });

  it('header text: "ameli.fr | Mon compte" is identity, a topic menu naming a brand is a mention', () => {
    const form = '<form><label>Mot de passe<input type=password></label></form>';
    expect(collectPageSignals(load(`<header>ameli.fr | Mon compte</header>${form}`), matcher).brandOrgIds).toEqual(['assurance-maladie']);
    expect(collectPageSignals(load(`<header>Actualités Santé Ameli Retraite Famille</header>${form}`), matcher).brandOrgIds).toEqual([]);
  });

  it('a page that declares another site name (social network page of an insurer) is not the insurer', () => {
    const page = (extra: string) =>
      `<meta property="og:site_name" content="LinkedIn">${extra}<title>Harmonie Mutuelle | LinkedIn</title>` +
      '<header><img src="/logo-harmonie-mutuelle.png" alt="Logo Harmonie Mutuelle"></header><form><input type=password></form>';
    expect(collectPageSignals(load(page('')), matcher).brandOrgIds).toEqual([]);
    // …unless it serves the insurer's own assets (copied kit with a stray site name).
    expect(collectPageSignals(load(page('<link rel=icon href="https://www.harmonie-mutuelle.fr/favicon.ico">')), matcher).brandOrgIds).toEqual([
      'harmonie-mutuelle',
    ]);
  });

  it('logo hot-linked from the official domain counts; a look-alike host does not', () => {
    const page = (src: string) => `<header><img src="${src}"></header><input type=password>`;
    expect(collectPageSignals(load(page('https://www.harmonie-mutuelle.fr/x/y.png')), matcher).brandOrgIds).toEqual(['harmonie-mutuelle']);
    expect(collectPageSignals(load(page('https://harmonie-mutuelle.fr.evil.example/y.png')), matcher).brandOrgIds).toEqual([]);
  });

  it('stays bounded on a 10,000-node page', () => {
    const rows: string[] = [];
    for (let i = 0; i < 2500; i++) rows.push(`<div class="r"><span>Article ${i} ameli MGEN</span><p>texte</p><a href="#">lien</a></div>`);
    const fields: string[] = [];
    for (let i = 0; i < 400; i++) fields.push(`<input name="f${i}">`);
    const doc = load(`<title>Grande page</title><main>${rows.join('')}</main><form>${fields.join('')}<input type=password></form>`);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(10_000);
    const t0 = performance.now();
    const s = collectPageSignals(doc, matcher);
    const ms = performance.now() - t0;
    // The password field is field #401: beyond the 200-field cap, so it is not seen (bounded work).
    expect(s).toEqual({ brandOrgIds: [], sensitive: [] });
    expect(ms).toBeLessThan(1500); // happy-dom is far slower than a browser (and a shared machine): this only guards against O(n²) work (it took 3.5 s before text lookups were bounded)
  });
});

// Realistic kits and honest pages that name the same organisations, on the bundled list (Almerys and the
// Sécurité sociale portal are not in the small test list). Expectations are what the user needs: a kit
// names its organisation and what it asks for; an honest page names no one.
describe('collectPageSignals on kits and honest pages, bundled list', () => {
  const bundledMatcher = buildBrandMatcherData(defaultList);
  it.each<[string, string[], string[], string]>([
    // Phishing-like: the organisation and what the kit asks for (two of them from the blind pages in e2e).
    ['kit-vitale-renouvellement.html', ['assurance-maladie'], ['nir', 'card-number', 'card-expiry', 'card-cvv', 'birth-date'], '"Renouvellement de votre carte Vitale" + header "l\'Assurance Maladie", NIR then card for 1,99 € of postage'],
    ['kit-harmonie-login.html', ['harmonie-mutuelle'], ['password'], 'logo file logo-harmonie-mutuelle.svg (empty alt), title "Espace adhérent"; identifiant is not a NIR'],
    ['kit-ameli-iban-aria.html', ['assurance-maladie'], ['iban'], '"ameli.fr - Remboursement en attente", IBAN labelled by aria-label only'],
    ['kit-monespacesante-nir-placeholder.html', ['mon-espace-sante'], ['nir'], 'logo alt "Mon espace santé"; the NIR field says so only by its placeholder 1 85 05 78 006 084 36'],
    ['kit-mgen-table-layout.html', ['mgen'], ['nir', 'password'], 'old table layout: labels in the <td> before the field (and a ":" column); title "… | MGEN"'],
    ['kit-invisible-chars-card.html', ['assurance-maladie'], ['card-number', 'card-expiry', 'card-cvv'], 'soft hyphens / zero-width space inside "Assurance Maladie" and "ameli"'],
    ['kit-english-ameli-refund.html', ['assurance-maladie'], ['nir', 'card-number', 'card-expiry', 'card-cvv', 'birth-date'], 'English kit "ameli — Health Insurance refund" asking a social security number and a card'],
    ['kit-almerys-tiers-payant.html', ['almerys'], ['iban', 'birth-date'], '"Votre carte de tiers payant Almerys" + "Vérification", birth date (JJ/MM/AAAA) and IBAN'],
    ['../../e2e/pages/blind2/p16.html', ['assurance-maladie'], ['card-number', 'card-expiry', 'card-cvv', 'birth-date'], 'bilingual refund kit: "ameli.fr – l\'Assurance Maladie" only in the logo link\'s aria-label and its SVG <title>'],
    ['../../e2e/pages/blind2/p04.html', ['msa', 'assurance-maladie'], ['nir', 'card-expiry', 'birth-date'], 'MSA carte Vitale kit: logo alt "MSA – La sécurité sociale agricole" names MSA first; placeholders only ("N° SS", "Fin de validité"; "16 chiffres" and "3 chiffres au verso" say too little)'],
    // Honest pages: they name organisations, they are none of them.
    ['pharmacy-svg-header.html', [], ['password'], 'its own SVG logo, an SVG cart icon and a link labelled "Votre compte ameli" in the header; customer login'],
    ['pharmacy-tiers-payant.html', [], ['password'], 'pharmacy explains tiers payant (ameli logo in "Liens utiles", five insurers named); customer login'],
    ['hr-onboarding-nir-iban.html', [], ['nir', 'iban', 'birth-date'], 'employer onboarding "Dossier d\'embauche": NIR + IBAN, Harmonie Mutuelle named once in a paragraph'],
    ['blog-connexion-ameli.html', [], [], 'blog "Comment se connecter à mon compte ameli ?" with screenshots and a newsletter e-mail box'],
    ['mairie-aide-carte-vitale.html', [], [], 'town-hall help article (service-public co-branding) on carte Vitale with a search box'],
    ['broker-quote-six-mutuelles.html', [], ['birth-date'], 'broker quote form (birth date JJ/MM/AAAA, postcode) and six partner logos in a table'],
    ['doctor-booking-nir-optional.html', [], ['nir', 'birth-date'], 'doctor booking page: "Carte Vitale et tiers payant", "Tarifs et remboursement", optional NIR'],
  ])('%s', (file, brands, sensitive) => {
    const signals = collectPageSignals(load(fixture(file)), bundledMatcher);
    expect(signals.sensitive).toEqual(sensitive);
    expect(signals.brandOrgIds).toEqual(brands);
  });
});

describe('fieldSensitiveKinds', () => {
  const field = (html: string) => {
    const doc = load(`<form>${html}</form>`);
    return fieldSensitiveKinds(doc.querySelector('[data-t]')!);
  };
  it.each<[string, string[]]>([
    ['<label for=a>N° de sécu</label><input id=a data-t>', ['nir']],
    ['<input data-t name="numeroSecuriteSociale">', ['nir']],
    ['<input data-t aria-label="NIR">', ['nir']],
    ['<label for=a>N° SS</label><input id=a type=tel data-t>', ['nir']], // the usual abbreviation
    ['<label for=a>No de SS :</label><input id=a data-t>', ['nir']],
    ['<label for=a>Clé SSH</label><input id=a data-t>', []], // a word that only starts with ss
    ['<label for=a>SS</label><input id=a data-t>', []], // alone, too short to say
    ['<input data-t placeholder="Fin de validité">', ['card-expiry']],
    ['<span id=l>Numéro INSEE</span><input data-t aria-labelledby=l>', ['nir']],
    ['<input data-t placeholder="Numéro figurant sur votre carte Vitale" maxlength=15>', ['nir']],
    ['<input data-t placeholder="Numéro figurant sur votre carte Vitale">', []],
    ['<label>Identifiant <input data-t inputmode=numeric maxlength=13></label>', ['nir']],
    ['<label>Identifiant <input data-t></label>', []],
    ['<input data-t autocomplete="cc-number">', ['card-number']],
    ['<input data-t name="cardNumber">', ['card-number']],
    ['<label>Numéro de carte Vitale<input data-t></label>', ['nir']],
    ['<label>Numéro de carte de fidélité<input data-t></label>', []],
    ['<select data-t autocomplete="cc-exp-month"><option>1</option></select>', ['card-expiry']],
    ['<input data-t placeholder="MM/AA">', ['card-expiry']],
    ['<input data-t autocomplete="cc-csc">', ['card-cvv']],
    ['<label>CVC<input data-t></label>', ['card-cvv']],
    ['<input data-t name="iban">', ['iban']],
    ['<input data-t placeholder="FR76 1234 ...">', ['iban']],
    // A NIR given only by its example or mask: the 1-2-2-2-3-3(-2) grouping, or 13/15 digits run together.
    ['<input data-t placeholder="1 85 05 78 006 084 36">', ['nir']],
    ['<input data-t placeholder="_ __ __ __ ___ ___ __">', ['nir']],
    ['<input data-t placeholder="X XX XX XX XXX XXX">', ['nir']],
    ['<input data-t placeholder="2.85.05.2A.006.084.36">', ['nir']], // Corsica
    ['<input data-t placeholder="185057800608436">', ['nir']],
    ['<input data-t placeholder="06 12 34 56 78">', []], // a phone number
    ['<input data-t placeholder="123 456 789 00012">', []], // a SIRET
    ['<input data-t placeholder="0000 0000 0000 0000">', []], // 16 digits: a card, named by its label
    ['<input data-t placeholder="XXXXXXXXXXXXX">', []], // a mask without the NIR's grouping
    ['<input data-t placeholder="9 85 05 78 006 084 36">', []], // no NIR starts with 9
    // "JJ/MM/AAAA" is a birth date, not a card expiry; an insured person's birth date is not a NIR.
    ['<label>Date de naissance (JJ/MM/AAAA)<input data-t></label>', ['birth-date']],
    ['<label>Date de naissance de l\'assuré principal<input data-t inputmode=numeric></label>', ['birth-date']],
    ['<input data-t placeholder="DD/MM/YYYY">', []],
    // Invisible characters inside the words of a label.
    ['<label>Num\u200béro de ca\u200brte<input data-t></label>', ['card-number']],
    ['<label>Crypto\u00adgramme<input data-t></label>', ['card-cvv']],
    ['<label>N° de sécurité so\u200bciale<input data-t></label>', ['nir']],
    ['<input data-t type=password>', ['password']],
    ['<label for=a>Mot de passe</label><input id=a data-t>', ['password']], // left as text by the kit
    ['<input data-t name="pwd">', ['password']],
    ['<label>Passeport<input data-t></label>', []],
    ['<label>Passer la commande<input data-t></label>', []],
    ['<label>Social security number<input data-t></label>', ['nir']],
    ['<label>Security question<input data-t></label>', []],
    ['<input data-t autocomplete="bday">', ['birth-date']],
    ['<label>Date de naissance<input data-t type=date></label>', ['birth-date']],
    ['<label>Lieu de naissance<input data-t></label>', []],
    ['<label>Code INSEE de la commune<input data-t></label>', []],
    ['<input data-t type=hidden name=nir>', []],
    ['<input data-t type=submit value="Numéro de sécurité sociale">', []],
    ['<label>Adresse e-mail<input data-t type=email></label>', []],
    ['<label>Camelia nirvana<input data-t></label>', []],
    // Textareas count like inputs, by what describes them; an ordinary message box asks for nothing.
    ['<textarea data-t name=message placeholder="Votre numéro de sécurité sociale (15 chiffres)" aria-label="Numéro de sécurité sociale" maxlength=15 inputmode=numeric></textarea>', ['nir']],
    ['<textarea data-t placeholder="Numéro de carte bancaire, date d\'expiration et cryptogramme"></textarea>', ['card-number']],
    ['<label for=a>IBAN du compte à créditer</label><textarea id=a data-t></textarea>', ['iban']],
    ['<textarea data-t placeholder="1 85 05 78 006 084 36"></textarea>', ['nir']],
    ['<label>Identifiant<textarea data-t maxlength=13></textarea></label>', ['nir']],
    ['<textarea data-t name=message placeholder="Écrivez votre message…" aria-label="Votre message"></textarea>', []],
    ['<label for=a>Votre demande</label><textarea id=a data-t placeholder="Précisez votre numéro de commande"></textarea>', []],
    ['<label for=a>Commentaire</label><textarea id=a data-t name=comment></textarea>', []],
    ['<textarea data-t type=password name=notes></textarea>', []], // a type attribute means nothing on a textarea
    ['<textarea data-t hidden name=nir></textarea>', []],
  ])('%s', (html, kinds) => {
    expect(field(html)).toEqual(kinds);
  });
});

// The blind test's "chat assistant" kit: one textarea whose description a script changes after load.
const CHAT_KIT = `<title>AXA Santé – Votre assistante virtuelle</title>
  <header><svg role=img aria-label="AXA" viewBox="0 0 40 40"><rect width=40 height=40 fill="#00008f"/></svg></header>
  <main><p>Bonjour, je suis Léa, votre assistante virtuelle. Comment puis-je vous aider ?</p>
  <form id=f><textarea id=input name=message placeholder="Écrivez votre message…" aria-label="Votre message"></textarea><button id=send>Envoyer</button></form></main>`;

describe('a chat box whose description changes after load (textarea)', () => {
  const bundledMatcher = buildBrandMatcherData(defaultList);

  it('asks for nothing at first, then for the NIR, then for the card; names AXA throughout', () => {
    const doc = load(CHAT_KIT);
    const box = doc.getElementById('input')!;
    expect(collectPageSignals(doc, bundledMatcher)).toEqual({ brandOrgIds: ['axa'], sensitive: [] });
    box.setAttribute('placeholder', 'Votre numéro de sécurité sociale (15 chiffres)');
    box.setAttribute('aria-label', 'Numéro de sécurité sociale');
    (box as HTMLTextAreaElement).maxLength = 15;
    box.setAttribute('inputmode', 'numeric');
    expect(collectPageSignals(doc, bundledMatcher)).toEqual({ brandOrgIds: ['axa'], sensitive: ['nir'] });
    box.setAttribute('placeholder', "Numéro de carte bancaire, date d'expiration et cryptogramme");
    box.setAttribute('aria-label', "Numéro de carte bancaire, date d'expiration et cryptogramme");
    box.removeAttribute('maxlength');
    expect(collectPageSignals(doc, bundledMatcher)).toEqual({ brandOrgIds: ['axa'], sensitive: ['card-number'] });
  });

  it('an honest contact page with a message box asks for nothing', () => {
    const doc = load(`<title>Contact – Cabinet de kinésithérapie des Tilleuls</title><h1>Nous écrire</h1>
      <form><label for=n>Nom</label><input id=n name=nom><label for=e>E-mail</label><input id=e type=email name=email>
      <label for=m>Message</label><textarea id=m name=message placeholder="Votre message (n° de dossier, créneau souhaité…)"></textarea><button>Envoyer</button></form>`);
    expect(collectPageSignals(doc, bundledMatcher)).toEqual({ brandOrgIds: [], sensitive: [] });
  });
});

describe('watchFields', () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it.each<[string, string, (doc: Document) => void]>([
    ["a textarea's placeholder", '<textarea id=t placeholder="Votre message"></textarea>', (d) => d.getElementById('t')!.setAttribute('placeholder', 'Votre numéro de sécurité sociale')],
    ["a textarea's maxlength, set as a property", '<textarea id=t></textarea>', (d) => ((d.getElementById('t') as HTMLTextAreaElement).maxLength = 15)],
    ["an input's inputmode", '<input id=t>', (d) => d.getElementById('t')!.setAttribute('inputmode', 'numeric')],
    ["an input's type, text to password", '<input id=t type=text>', (d) => ((d.getElementById('t') as HTMLInputElement).type = 'password')],
    ["an input's type, hidden to text", '<input id=t type=hidden name=nir>', (d) => d.getElementById('t')!.setAttribute('type', 'text')],
    ["an input's autocomplete", '<input id=t>', (d) => d.getElementById('t')!.setAttribute('autocomplete', 'cc-number')],
    ["an input's name", '<input id=t name=q>', (d) => d.getElementById('t')!.setAttribute('name', 'nir')],
    ["an input's pattern", '<input id=t>', (d) => d.getElementById('t')!.setAttribute('pattern', '[0-9]{15}')],
    ['a hidden field shown', '<input id=t hidden aria-label="IBAN">', (d) => d.getElementById('t')!.removeAttribute('hidden')],
    ['a textarea added', '<div id=t></div>', (d) => (d.getElementById('t')!.innerHTML = '<p><textarea></textarea></p>')],
  ])('wakes up when %s changes', async (_what, html, change) => {
    const doc = load(`<body><form>${html}</form></body>`);
    let calls = 0;
    const stop = watchFields(doc, () => calls++, { throttleMs: 20 });
    change(doc);
    await tick(80);
    expect(calls).toBe(1);
    stop();
  });

  it.each<[string, string, (doc: Document) => void]>([
    ["a field's class and style", '<input id=t>', (d) => (d.getElementById('t')!.setAttribute('class', 'error'), d.getElementById('t')!.setAttribute('style', 'color:red'))],
    ["a field's data attribute or value", '<textarea id=t></textarea>', (d) => (d.getElementById('t')!.setAttribute('data-state', 'typing'), ((d.getElementById('t') as HTMLTextAreaElement).value = 'bonjour'))],
    ['what is typed in a field', '<input id=t>', (d) => ((d.getElementById('t') as HTMLInputElement).value = '185057800608491')],
    // Label-like attributes are not watched (elements of every kind carry them): the fields are read
    // again when the user goes into one (test/page-guard.test.ts).
    ["a field's label-like attributes", '<textarea id=t aria-label="Votre message"></textarea>', (d) => {
      d.getElementById('t')!.setAttribute('aria-label', 'Numéro de sécurité sociale');
      d.getElementById('t')!.setAttribute('title', 'NIR');
      d.getElementById('t')!.id = 'nir';
    }],
    ['a label-like attribute of another element (a carousel, a menu)', '<div id=t aria-label="Diapositive 1"></div><button id=b title=Menu>≡</button>', (d) => {
      d.getElementById('t')!.setAttribute('aria-label', 'Diapositive 2');
      d.getElementById('t')!.setAttribute('aria-hidden', 'true');
      d.getElementById('t')!.id = 'u';
      d.getElementById('b')!.setAttribute('title', 'Fermer');
      d.getElementById('b')!.setAttribute('type', 'button');
      d.getElementById('b')!.hidden = true;
    }],
  ])('sleeps when %s changes', async (_what, html, change) => {
    const doc = load(`<body><form>${html}</form></body>`);
    let calls = 0;
    const stop = watchFields(doc, () => calls++, { throttleMs: 20 });
    change(doc);
    await tick(80);
    expect(calls).toBe(0);
    stop();
  });

  it('with `wide`, watches what only describes a field once the caller has fields to read', async () => {
    const doc = load('<body><form><input id=q name=q placeholder=Rechercher></form><div id=c aria-label="Diapositive 1"></div></body>');
    const q = doc.getElementById('q')!;
    let calls = 0;
    let fields = false;
    const stop = watchFields(doc, () => calls++, { throttleMs: 20, wide: () => fields });
    // Only search boxes: the attributes that only describe a field are not even observed.
    q.setAttribute('placeholder', 'Votre numéro de sécurité sociale');
    q.setAttribute('maxlength', '15');
    await tick(80);
    expect(calls).toBe(0);
    // What can make a field one to read still counts: a search box renamed.
    q.setAttribute('name', 'nss');
    await tick(80);
    expect(calls).toBe(1);
    // The caller now has a field to read: from the next change on, every watched attribute counts.
    fields = true;
    q.setAttribute('name', 'nir');
    await tick(80);
    expect(calls).toBe(2);
    q.setAttribute('placeholder', 'Numéro de carte bancaire');
    await tick(80);
    expect(calls).toBe(3);
    doc.getElementById('c')!.setAttribute('hidden', ''); // not a field
    await tick(80);
    expect(calls).toBe(3);
    stop();
  });

  it('one call for a burst of changes (throttled), another for a later one', async () => {
    const doc = load('<body><form><textarea id=t></textarea></form></body>');
    const box = doc.getElementById('t')!;
    let calls = 0;
    const stop = watchFields(doc, () => calls++, { throttleMs: 50 });
    box.setAttribute('placeholder', 'Votre numéro de sécurité sociale (15 chiffres)');
    box.setAttribute('aria-label', 'Numéro de sécurité sociale');
    box.setAttribute('maxlength', '15');
    box.setAttribute('inputmode', 'numeric');
    await tick(120);
    expect(calls).toBe(1);
    box.setAttribute('placeholder', "Numéro de carte bancaire, date d'expiration et cryptogramme");
    await tick(120);
    expect(calls).toBe(2);
    stop();
    box.setAttribute('placeholder', 'IBAN');
    await tick(120);
    expect(calls).toBe(2);
  });

  it('reports a NIR field added one second after load, once (throttled), then stops', async () => {
    const doc = load('<title>Connexion - ameli</title><body><div id=app></div></body>');
    expect(collectPageSignals(doc, matcher).sensitive).toEqual([]);
    let calls = 0;
    const stop = watchFields(doc, () => calls++, { throttleMs: 100 });
    await new Promise((r) => setTimeout(r, 1000));
    const app = doc.getElementById('app')!;
    app.innerHTML = '<form><label for=n>Numéro de sécurité sociale</label><input id=n><input type=password></form>';
    app.appendChild(doc.createElement('input'));
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(1);
    expect(collectPageSignals(doc, matcher)).toEqual({ brandOrgIds: ['assurance-maladie'], sensitive: ['nir', 'password'] });
    // Unrelated DOM churn does not wake us up.
    doc.body.appendChild(doc.createElement('p'));
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toBe(1);
    stop();
    app.appendChild(doc.createElement('input'));
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toBe(1);
  });

  it('stops by itself after maxMs', async () => {
    const doc = load('<body></body>');
    let calls = 0;
    watchFields(doc, () => calls++, { throttleMs: 10, maxMs: 50 });
    await new Promise((r) => setTimeout(r, 100));
    doc.body.appendChild(doc.createElement('input'));
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(0);
  });
});
