import { MIN_TYPO_LENGTH, type EngineIndex } from '../engine-index';
import type { HostView } from '../host-view';
import type { Match } from './match';
import { brandsSpelled } from './windows';

/**
 * A brand cut by the dot before a country's TLD, so that no label holds it: `ame.li` (Liechtenstein)
 * spells ameli, `groupa.ma` groupama, `assure.genera.li` generali. A domain hack with no honest use
 * for someone else's name. Only brands long enough for typo detection (a short brand split so,
 * m.sa, is any two letters), never a given name or a common word.
 */
export function detectSplitName(view: HostView, index: EngineIndex): Match | null {
  if (view.suffixLabels !== 1 || view.suffix.length !== 2 || view.sldSkeleton.length < 2) return null;
  const brands = brandsSpelled(view.sldSkeleton + view.suffix, index);
  const brand = brands?.find((b) => b.plain.length >= MIN_TYPO_LENGTH && !b.common && !b.givenName && !b.embeddableOnly);
  return brand ? { severity: 'lookalike', reasons: view.hasIdn ? ['split-name', 'idn'] : ['split-name'], brand } : null;
}
