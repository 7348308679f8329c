import type { Brand } from '../engine-index';
import type { ReasonCode } from '../verdict';

/** What one detector found: how bad, why, and which brand is imitated. */
export interface Match {
  severity: 'lookalike' | 'suspicious';
  reasons: ReasonCode[];
  brand: Brand;
}
