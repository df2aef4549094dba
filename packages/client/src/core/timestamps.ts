// The platform's compact UTC timestamps, `yyyyMMdd'T'HHmmss'Z'` (e.g. 20151212T121212Z), are not
// RFC 3339, so `new Date()` cannot read them.
import type { PlatformTimestamp } from '@iodm-northbound/types';
import { ValidationError } from './errors.js';

const platformTimestampPattern = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `20151212T121212Z` → `Date` (UTC). Throws ValidationError for anything else, including 20150230T000000Z. */
export function parsePlatformTimestamp(value: PlatformTimestamp): Date {
  const match = typeof value === 'string' ? platformTimestampPattern.exec(value) : null;
  if (!match) {
    throw new ValidationError('timestamp', `not a platform timestamp (yyyyMMddTHHmmssZ): ${JSON.stringify(value)}`, null);
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  // Not Date.UTC: it reads years 0..99 as 1900..1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  // Dates roll 30 February over into March; a real timestamp survives the round trip.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    throw new ValidationError('timestamp', `not a valid date and time: ${JSON.stringify(value)}`, null);
  }
  return date;
}

/** `Date` → `20151212T121212Z` (UTC, milliseconds dropped). */
export function formatPlatformTimestamp(date: Date): PlatformTimestamp {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ValidationError('date', 'not a valid Date', null);
  }
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new ValidationError('date', `year ${year} does not fit the platform's four-digit format`, null);
  }
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    String(year).padStart(4, '0') +
    two(date.getUTCMonth() + 1) +
    two(date.getUTCDate()) +
    'T' +
    two(date.getUTCHours()) +
    two(date.getUTCMinutes()) +
    two(date.getUTCSeconds()) +
    'Z'
  );
}
