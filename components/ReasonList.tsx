import type { Verdict } from '@/lib/verdict';
import { reasonText, targetLabel } from './reasons';

/** Why a verdict was given, one sentence per reason, in plain words. */
export function ReasonList({ verdict }: { verdict: Verdict }) {
  const target = targetLabel(verdict) ?? verdict.host ?? '';
  const items = [...new Set(verdict.reasons)].map((r) => reasonText(r, target)).filter(Boolean);
  if (items.length === 0) return null;
  return (
    <ul class="reasons">
      {items.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}
