import { formatPlatformTimestamp, parsePlatformTimestamp } from '@iodm-northbound/spec/timestamp';
import { describe, expect, it } from 'vitest';

describe('the platform timestamp codec (@iodm-northbound/spec/timestamp)', () => {
  it('reads the documented example and a leap day as UTC', () => {
    expect(parsePlatformTimestamp('20151212T121212Z')?.toISOString()).toBe('2015-12-12T12:12:12.000Z');
    expect(parsePlatformTimestamp('20240229T235959Z')?.getTime()).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  it('reads years 0..99 as written, not as 1900..1999', () => {
    expect(parsePlatformTimestamp('00090101T000000Z')?.getUTCFullYear()).toBe(9);
    expect(parsePlatformTimestamp('00000101T000000Z')?.getUTCFullYear()).toBe(0);
  });

  it.each([
    ['30 February', '20150230T000000Z'],
    ['29 February of a common year', '20230229T000000Z'],
    ['month 00', '20150012T000000Z'],
    ['month 13', '20151312T121212Z'],
    ['day 00', '20151200T121212Z'],
    ['hour 24', '20151212T241212Z'],
    ['minute 60', '20151212T126012Z'],
    ['second 60', '20151212T121260Z'],
    ['RFC 3339', '2015-12-12T12:12:12Z'],
    ['no Z', '20151212T121212'],
    ['lower-case t', '20151212t121212Z'],
    ['trailing text', '20151212T121212Zjunk'],
    ['non-ASCII digits', '٢٠١٥1212T121212Z'],
    ['empty', ''],
  ])('reads nothing from %s', (_case, text) => {
    expect(parsePlatformTimestamp(text)).toBeUndefined();
  });

  it('reads nothing from a value that is not text', () => {
    expect(parsePlatformTimestamp(20151212 as unknown as string)).toBeUndefined();
  });

  it('writes a Date or epoch milliseconds in UTC, dropping milliseconds (before 1970 too)', () => {
    expect(formatPlatformTimestamp(new Date('2018-11-26T09:00:05.999+01:00'))).toBe('20181126T080005Z');
    expect(formatPlatformTimestamp(Date.UTC(2015, 11, 12, 12, 12, 12, 789))).toBe('20151212T121212Z');
    expect(formatPlatformTimestamp(-500)).toBe('19691231T235959Z');
    const yearNine = new Date(0);
    yearNine.setUTCFullYear(9, 0, 1);
    expect(formatPlatformTimestamp(yearNine)).toBe('00090101T000000Z');
  });

  it('round-trips at the edges of the four-digit years', () => {
    for (const text of ['00000101T000000Z', '00090101T000000Z', '19991231T235959Z', '20380119T031408Z', '99991231T235959Z']) {
      expect(formatPlatformTimestamp(parsePlatformTimestamp(text)!)).toBe(text);
    }
  });

  it('throws a RangeError for a date that does not fit four digits or is invalid, a TypeError for anything else', () => {
    expect(() => formatPlatformTimestamp(Date.UTC(10000, 0, 1))).toThrow(new RangeError("year 10000 does not fit the platform's four-digit format"));
    expect(() => formatPlatformTimestamp(new Date(Date.UTC(-1, 11, 31)))).toThrow(RangeError);
    expect(() => formatPlatformTimestamp(new Date('nope'))).toThrow(RangeError);
    expect(() => formatPlatformTimestamp(Number.NaN)).toThrow(RangeError);
    expect(() => formatPlatformTimestamp('20151212T121212Z' as unknown as Date)).toThrow(TypeError);
  });
});
