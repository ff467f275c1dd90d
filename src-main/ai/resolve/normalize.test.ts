import { describe, expect, it } from 'vitest';
import { normalizeAddress, normalizeOrganization } from './normalize-address';
import { normalizeDate, swapDayMonth } from './normalize-date';
import { normalizeEmail, normalizeGivenName, normalizeName, normalizePhone, plainText } from './normalize';

describe('normalization', () => {
  it('drops case, diacritics and punctuation', () => {
    expect(plainText('  Zoë  Müller-Łukasz ')).toBe('zoe muller lukasz');
    expect(plainText('Straße')).toBe('strasse');
    expect(normalizeName("O'Brien")).toBe('obrien');
    expect(normalizeName('Dr. José')).toBe('jose');
  });

  it('maps nicknames to one given name', () => {
    expect(normalizeGivenName('Bob')).toBe('robert');
    expect(normalizeGivenName('Robert')).toBe('robert');
    expect(normalizeGivenName('Liz')).toBe('elizabeth');
    expect(normalizeGivenName('ELIZABETH')).toBe('elizabeth');
    expect(normalizeGivenName('Chris')).toBe('chris');
  });

  it('reads dates in several forms and recognises a swapped day and month', () => {
    expect(normalizeDate('19560409')?.digits).toBe('19560409');
    expect(normalizeDate('1956-04-09')?.digits).toBe('19560409');
    expect(normalizeDate('09/04/1956')?.digits).toBe('19560409');
    expect(normalizeDate('04/29/1956')?.digits).toBe('19560429');
    expect(normalizeDate('9 April 1956')?.digits).toBe('19560409');
    const date = normalizeDate('1956-04-09')!;
    expect(swapDayMonth(date)).toBe(normalizeDate('1956-09-04')!.digits);
    expect(swapDayMonth(normalizeDate('1956-04-04')!)).toBeNull();
    expect(normalizeDate('')).toBeNull();
  });

  it('keeps the digits of a phone number, the national part', () => {
    expect(normalizePhone('+61 2 9876 5432')).toBe(normalizePhone('(02) 9876-5432'));
    expect(normalizePhone('12')).toBe('');
  });

  it('compares e-mail addresses by their local part and domain', () => {
    expect(normalizeEmail('John.Smith+news@GMAIL.com').address).toBe('johnsmith@gmail.com');
    expect(normalizeEmail('john.smith@googlemail.com').address).toBe('johnsmith@gmail.com');
    expect(normalizeEmail('J.Smith+x@example.org')).toEqual({ address: 'j.smith@example.org', local: 'j.smith' });
  });

  it('spells address tokens and organization names one way', () => {
    expect(normalizeAddress('12 Smith St.')).toBe(normalizeAddress('12 smith street'));
    expect(normalizeAddress('Apt 3, 5 Main Rd')).toBe('apartment 3 5 main road');
    expect(normalizeOrganization('Acme Pty Ltd')).toBe(normalizeOrganization('ACME'));
  });
});
