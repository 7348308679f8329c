/**
 * Official help, one line each (popup, options). Every address here is marked as supported in
 * ../shared/research/context.md §c; for services whose deep paths are unverified, the home page is used.
 * `descKey` is the i18n key of the one-line description.
 */
export interface HelpLink {
  id: string;
  name: string;
  /** Web address, or a tel:/sms: address for phone services. */
  href: string;
  descKey:
    | 'common_help_cybermalveillance'
    | 'common_help_17cyber'
    | 'common_help_33700'
    | 'common_help_pharos'
    | 'common_help_signalSpam'
    | 'common_help_phishingInitiative'
    | 'common_help_perceval'
    | 'common_help_ameli'
    | 'common_help_3646'
    | 'common_help_infoEscroqueries';
}

export const HELP_LINKS: readonly HelpLink[] = [
  { id: 'cybermalveillance', name: 'Cybermalveillance.gouv.fr', href: 'https://www.cybermalveillance.gouv.fr/', descKey: 'common_help_cybermalveillance' },
  { id: '17cyber', name: '17Cyber', href: 'https://17cyber.gouv.fr/', descKey: 'common_help_17cyber' },
  { id: '33700', name: '33700 (SMS)', href: 'https://www.33700.fr/', descKey: 'common_help_33700' },
  { id: 'pharos', name: 'PHAROS', href: 'https://www.internet-signalement.gouv.fr/', descKey: 'common_help_pharos' },
  { id: 'signal-spam', name: 'Signal Spam', href: 'https://www.signal-spam.fr/', descKey: 'common_help_signalSpam' },
  { id: 'phishing-initiative', name: 'Phishing Initiative', href: 'https://phishing-initiative.eu/', descKey: 'common_help_phishingInitiative' },
  { id: 'perceval', name: 'Perceval', href: 'https://www.service-public.fr/particuliers/vosdroits/R46526', descKey: 'common_help_perceval' },
  {
    id: 'ameli',
    name: 'ameli.fr',
    href: 'https://www.ameli.fr/assure/droits-demarches/principes/attention-appels-courriels-sms-frauduleux',
    descKey: 'common_help_ameli',
  },
  { id: '3646', name: '3646', href: 'tel:3646', descKey: 'common_help_3646' },
  { id: 'info-escroqueries', name: 'Info Escroqueries 0 805 805 817', href: 'tel:+33805805817', descKey: 'common_help_infoEscroqueries' },
];
