import { describe, expect, it } from 'vitest';
import { isLuhnCard, isValidIban, isValidNir } from '../lib/validators';

// NIR keys below were computed by hand-written BigInt arithmetic (97 − N mod 97) outside this code,
// on numbers built field by field: sex, year, month, department, commune, order.
describe('isValidNir', () => {
  it.each([
    ['185057800608491', 'man, May 1985, Yvelines'],
    ['1 85 05 78 006 084 91', 'grouped with spaces'],
    ['1.85.05.78.006.084.91', 'grouped with dots'],
    ['1 85 05 78 006 084 91 ', 'trailing space'],
    ['269044912300702', 'woman, key with leading zero'],
    ['290122A00412367', 'Corsica 2A (computed as 19)'],
    ['2 90 12 2a 004 123 67', 'Corsica, lower case'],
    ['190052B12345609', 'Corsica 2B (computed as 18)'],
    ['285127511600124', 'month 12'],
    ['799039999912308', 'temporary number (NIA), sex digit 7'],
    ['285122800000021', 'commune/order 000: not our business, the key is right'],
    ['290121900412367', 'department-19 twin of the Corsica 2A example (same key)'],
  ])('accepts %s (%s)', (s) => {
    expect(isValidNir(s)).toBe(true);
  });

  it.each([
    ['185057800608492', 'key off by one'],
    ['185057800608490', 'key off by one (down)'],
    ['185057800608591', 'one body digit changed'],
    ['815057800608491', 'two digits swapped'],
    ['', 'empty'],
    ['18505780060849', '14 digits'],
    ['1850578006084911', '16 digits'],
    ['585057800608491', 'sex digit 5'],
    ['185137800608491', 'month 13 (never issued)'],
    ['185007800608491', 'month 00'],
    ['18505780060849A', 'letter in key'],
    ['1850578006O8491', 'letter O for zero'],
    ['290122C00412367', 'department 2C'],
    ['290122A00412368', 'Corsica, wrong key'],
    ['1-85-05-78-006-084-91', 'dashes are not a NIR grouping'],
    ['1'.repeat(100000), 'huge input'],
  ])('rejects %s (%s)', (s) => {
    expect(isValidNir(s)).toBe(false);
  });
});

describe('isLuhnCard', () => {
  // Public test numbers published by card networks / payment processors.
  it.each([
    ['4111111111111111'],
    ['4111 1111 1111 1111'],
    ['4111-1111-1111-1111'],
    ['5555555555554444'],
    ['378282246310005'], // 15-digit Amex
    ['6011111111111117'],
    ['4222222222222'], // 13-digit Visa
  ])('accepts %s', (s) => {
    expect(isLuhnCard(s)).toBe(true);
  });

  it.each([
    ['4111111111111112', 'last digit off by one'],
    ['4111111111111121', 'two digits swapped'],
    ['0000000000000000', 'all zeros placeholder'],
    ['411111111111', '12 digits'],
    ['41111111111111111111', '20 digits'],
    ['4111 1111 1111 111a', 'letter'],
    ['', 'empty'],
    ['4'.repeat(100000), 'huge input'],
  ])('rejects %s (%s)', (s) => {
    expect(isLuhnCard(s)).toBe(false);
  });
});

describe('isValidIban', () => {
  // Examples from the ISO 13616 / national bank documentation.
  it.each([
    ['FR7630006000011234567890189'],
    ['FR76 3000 6000 0112 3456 7890 189'],
    ['fr76 3000 6000 0112 3456 7890 189'],
    ['DE89370400440532013000'],
    ['GB82WEST12345698765432'],
    ['BE68539007547034'],
    ['NL91ABNA0417164300'],
    ['CH9300762011623852957'],
    ['ES9121000418450200051332'],
    ['IT60X0542811101000000123456'],
    ['LU280019400644750000'],
    ['PT50000201231234567890154'],
    ['MC5811222000010123456789030'],
  ])('accepts %s', (s) => {
    expect(isValidIban(s)).toBe(true);
  });

  it.each([
    ['FR7630006000011234567890188', 'last digit off by one'],
    ['FR7730006000011234567890189', 'wrong check digits'],
    ['FR763000600001123456789018', 'FR one character short'],
    ['FR76300060000112345678901890', 'FR one character long'],
    ['DE8937040044053201300', 'DE one short'],
    ['BE6853900754703', 'BE one short'],
    ['7630006000011234567890189FR', 'country at the end'],
    ['FR76-3000-6000-0112-3456-7890-189', 'dashes'],
    ['FR76 3000 6000 0112 3456 7890 18!', 'punctuation'],
    ['', 'empty'],
    ['FR76' + '1'.repeat(100000), 'huge input'],
  ])('rejects %s (%s)', (s) => {
    expect(isValidIban(s)).toBe(false);
  });
});
