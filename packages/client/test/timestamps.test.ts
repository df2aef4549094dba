import { describe, expect, it } from 'vitest';
import { formatPlatformTimestamp, parsePlatformTimestamp, ValidationError } from '../src/index.js';

describe('platform timestamps (yyyyMMddTHHmmssZ, UTC)', () => {
  it('parses the documented example as UTC', () => {
    expect(parsePlatformTimestamp('20151212T121212Z').toISOString()).toBe('2015-12-12T12:12:12.000Z');
    expect(parsePlatformTimestamp('20181126T080005Z').getTime()).toBe(Date.UTC(2018, 10, 26, 8, 0, 5));
    expect(parsePlatformTimestamp('20240229T235959Z').toISOString()).toBe('2024-02-29T23:59:59.000Z');
  });

  it('formats a Date back, in UTC, dropping milliseconds', () => {
    expect(formatPlatformTimestamp(new Date('2015-12-12T12:12:12.789Z'))).toBe('20151212T121212Z');
    const yearNine = new Date(0);
    yearNine.setUTCFullYear(9, 0, 1);
    expect(formatPlatformTimestamp(yearNine)).toBe('00090101T000000Z');
    expect(formatPlatformTimestamp(new Date('2018-11-26T09:00:05+01:00'))).toBe('20181126T080005Z');
  });

  it('round-trips', () => {
    for (const value of ['00090101T000000Z', '20000101T000000Z', '19991231T235959Z', '20380119T031408Z']) {
      expect(formatPlatformTimestamp(parsePlatformTimestamp(value))).toBe(value);
    }
  });

  it.each([
    ['RFC 3339', '2015-12-12T12:12:12Z'],
    ['no Z', '20151212T121212'],
    ['lower-case t', '20151212t121212Z'],
    ['30 February', '20150230T000000Z'],
    ['month 13', '20151312T121212Z'],
    ['hour 24', '20151212T241212Z'],
    ['second 60', '20151212T121260Z'],
    ['empty', ''],
    ['trailing text', '20151212T121212Zjunk'],
  ])('rejects %s with a ValidationError', (_case, value) => {
    expect(() => parsePlatformTimestamp(value)).toThrow(ValidationError);
  });

  it('rejects a non-string and an invalid Date with a ValidationError', () => {
    expect(() => parsePlatformTimestamp(20151212 as unknown as string)).toThrow(ValidationError);
    expect(() => formatPlatformTimestamp(new Date('nope'))).toThrow(ValidationError);
    expect(() => formatPlatformTimestamp(new Date(Date.UTC(10000, 0, 1)))).toThrow(ValidationError);
    expect(() => formatPlatformTimestamp('20151212T121212Z' as unknown as Date)).toThrow(ValidationError);
  });

  it('says whether the text is no timestamp at all or names no real instant, and which year does not fit', () => {
    expect(() => parsePlatformTimestamp('2015-12-12T12:12:12Z')).toThrow(/not a platform timestamp \(yyyyMMddTHHmmssZ\): "2015-12-12T12:12:12Z"/);
    expect(() => parsePlatformTimestamp('20150230T000000Z')).toThrow(/not a valid date and time: "20150230T000000Z"/);
    expect(() => formatPlatformTimestamp(new Date(Date.UTC(10000, 0, 1)))).toThrow(/year 10000 does not fit the platform's four-digit format/);
  });
});
