import { validateList, type VigieList } from '../../lib/list-schema';

/**
 * A small test-only list (as Chromium's lookalike tests do) so these tables keep their meaning when
 * the real list changes. Organisations mirror real shapes: a short brand, a long hyphenated one, a
 * product name, a multi-label suffix, a professional portal, a name that is also a common word.
 */
export const testList: VigieList = validateList({
  schema: 1,
  version: 1,
  generatedAt: '2026-11-01T00:00:00Z',
  expiresAt: '2027-05-01T00:00:00Z',
  organizations: [
    {
      id: 'ameli',
      name: 'Assurance Maladie',
      category: 'public',
      domains: ['ameli.fr'],
      brands: ['ameli', 'assurance-maladie', 'carte-vitale', 'compte-ameli'],
      loginHosts: ['assure.ameli.fr'],
      sources: ['https://www.ameli.fr/'],
    },
    {
      id: 'harmonie-mutuelle',
      name: 'Harmonie Mutuelle',
      category: 'insurer',
      domains: ['harmonie-mutuelle.fr', 'harmonie-et-moi.fr'],
      brands: ['harmonie-mutuelle'],
      loginHosts: ['authentification.harmonie-mutuelle.fr'],
      sources: ['https://www.harmonie-mutuelle.fr/'],
    },
    { id: 'maif', name: 'MAIF', category: 'insurer', domains: ['maif.fr'], brands: ['maif'], sources: ['https://www.maif.fr/'] },
    { id: 'macif', name: 'Macif', category: 'insurer', domains: ['macif.fr'], brands: ['macif'], sources: ['https://www.macif.fr/'] },
    { id: 'axa', name: 'AXA France', category: 'insurer', domains: ['axa.fr'], brands: ['axa'], sources: ['https://www.axa.fr/'] },
    { id: 'mgen', name: 'MGEN', category: 'insurer', domains: ['mgen.fr'], brands: ['mgen'], sources: ['https://www.mgen.fr/'] },
    {
      id: 'malakoff-humanis',
      name: 'Malakoff Humanis',
      category: 'insurer',
      domains: ['malakoffhumanis.com'],
      brands: ['malakoff-humanis'],
      loginHosts: ['extranet.malakoffhumanis.com'],
      sources: ['https://www.malakoffhumanis.com/'],
    },
    { id: '17cyber', name: '17Cyber', category: 'public', domains: ['17cyber.gouv.fr'], sources: ['https://17cyber.gouv.fr/'] },
    {
      id: 'justice',
      name: 'Ministère de la Justice',
      category: 'public',
      domains: ['justice.gouv.fr'],
      commonWord: true,
      sources: ['https://justice.gouv.fr/'],
    },
    {
      id: 'viamedis',
      name: 'Viamedis',
      category: 'tiers-payant',
      domains: ['viamedis.fr', 'viamedis.net'],
      brands: ['viamedis'],
      loginHosts: ['pro.viamedis.net'],
      professionalOnly: true,
      sources: ['https://www.viamedis.fr/'],
    },
    { id: 'generali', name: 'Generali France', category: 'insurer', domains: ['generali.fr'], brands: ['generali'], sources: ['https://www.generali.fr/'] },
    { id: 'april', name: 'April', category: 'insurer', domains: ['april.fr'], brands: ['april'], sources: ['https://www.april.fr/'] },
    { id: 'interiale', name: 'Intériale', category: 'insurer', domains: ['interiale.fr'], brands: ['interiale'], sources: ['https://www.interiale.fr/'] },
    { id: 'lcl', name: 'LCL', category: 'insurer', domains: ['lcl.fr'], brands: ['lcl'], sources: ['https://www.lcl.fr/'] },
    { id: 'cnil', name: 'CNIL', category: 'public', domains: ['cnil.fr'], sources: ['https://www.cnil.fr/'] },
    { id: 'henner', name: 'Henner', category: 'insurer', domains: ['henner.com'], sources: ['https://www.henner.com/'] },
    { id: 'mutuelle-sg', name: 'Mutuelle Société Générale', category: 'insurer', domains: ['mutuelle-sg.com'], sources: ['https://mutuelle-sg.com/'] },
    { id: 'service-public', name: 'Service-public.fr', category: 'public', domains: ['service-public.fr'], sources: ['https://www.service-public.fr/'] },
    { id: 'mnt', name: 'MNT', category: 'insurer', domains: ['mnt.fr'], brands: ['mnt'], sources: ['https://www.mnt.fr/'] },
    { id: 'alan', name: 'Alan', category: 'insurer', domains: ['alan.com'], brands: ['alan'], sources: ['https://alan.com/'] },
  ],
  blocked: ['ameli-vital.fr', 'phish.example.net', 'amelie.fr'],
  keywords: ['remboursement', 'compte', 'moncompte', 'espace', 'assure', 'connexion', 'securite', 'mise-a-jour', 'paiement', 'client', 'info', 'renouvellement', 'login', 'secure', 'fr'],
});
