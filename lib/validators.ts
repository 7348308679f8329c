/**
 * Checksum validators for the numbers a fake site wants: NIR (numéro de sécurité sociale), payment
 * card, IBAN. Used only on pages already flagged, to warn as soon as a real-looking number is typed.
 * Pure functions; they never keep the value. Inputs longer than any real number are rejected before
 * any work is done, so a pasted megabyte costs nothing.
 */

const MAX_INPUT = 64;

/** Removes the separators people type between groups (spaces, no-break spaces, dots, dashes as allowed). */
function compact(s: string, separators: RegExp): string | null {
  if (typeof s !== 'string' || s.length === 0 || s.length > MAX_INPUT) return null;
  return s.trim().replace(separators, '');
}

/**
 * NIR: sex(1) year(2) month(2) department(2) commune(3) order(3) + key(2) = 15 characters.
 * - Sex digit: 1/2 for people in the RNIPP; 7/8 for temporary numbers (NIA) given while a person born
 *   abroad is being registered; 3/4 appear on older provisional numbers. A key check is what makes a
 *   value "real", so accepting these rarer prefixes costs nothing in false positives.
 * - Month: 01–12; 20–42 and 50–99 are used when the civil-status document gives no usable month.
 *   13–19, 43–49 and 00 are never issued, so they are rejected.
 * - Department: two digits, or 2A / 2B for Corsica (births from 1976), replaced by 19 / 18 for the key.
 * - Key: 97 − (first 13 digits mod 97), 01–97.
 * Spaces and dots between groups are accepted ("1 85 05 78 006 084 91", "1.85.05.78.006.084.91").
 */
export function isValidNir(s: string): boolean {
  const v = compact(s, /[\s.\u00a0\u202f]/g);
  if (v === null) return false;
  const m = /^([123478])(\d{2})(\d{2})(\d{2}|2[abAB])(\d{3})(\d{3})(\d{2})$/.exec(v);
  if (!m) return false;
  const month = Number(m[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  const dept = m[4]!.toUpperCase();
  const deptDigits = dept === '2A' ? '19' : dept === '2B' ? '18' : dept;
  // 13 digits < 2^53: exact in a double.
  const body = Number(m[1]! + m[2]! + m[3]! + deptDigits + m[5]! + m[6]!);
  const key = Number(m[7]);
  return key >= 1 && key <= 97 && 97 - (body % 97) === key;
}

/** Payment card number: 13–19 digits, spaces or dashes allowed, Luhn checksum. All-zero is a placeholder, not a card. */
export function isLuhnCard(s: string): boolean {
  const v = compact(s, /[\s\-\u00a0\u202f]/g);
  if (v === null || !/^\d{13,19}$/.test(v) || /^0+$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    let d = v.charCodeAt(v.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * IBAN lengths (ISO 13616 registry) for the countries French insured people meet most. French overseas
 * departments and Monaco use FR/MC. Other countries fall back to the generic 15–34 range (the
 * content script ships this table, so it stays short).
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  FR: 27, MC: 27, BE: 16, DE: 22, ES: 24, IT: 27, LU: 20, CH: 21, GB: 22, NL: 18, PT: 25, AT: 20, IE: 22, PL: 28,
};

/** IBAN: country code, 2 check digits, BBAN; spaces allowed; mod-97 of the rearranged number must be 1. */
export function isValidIban(s: string): boolean {
  const v = compact(s, /[\s\u00a0\u202f]/g);
  if (v === null) return false;
  const iban = v.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined ? iban.length !== expected : iban.length < 15 || iban.length > 34) return false;
  const check = Number(iban.slice(2, 4));
  if (check < 2 || check > 98) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  // Piecewise mod 97 over the letter-expanded string (A=10 … Z=35): no BigInt needed.
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const n = code >= 65 ? code - 55 : code - 48;
    rem = (n >= 10 ? rem * 100 + n : rem * 10 + n) % 97;
  }
  return rem === 1;
}
