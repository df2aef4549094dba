// The platform's compact UTC timestamps, `yyyyMMdd'T'HHmmss'Z'` (e.g. 20151212T121212Z), are not
// RFC 3339, so `new Date()` cannot read them. The codec is the spec package's; this keeps the
// client's API and turns a refusal into a ValidationError.
import { platformTimestampPattern } from '@iodm-northbound/spec/facts';
import * as codec from '@iodm-northbound/spec/timestamp';
import type { PlatformTimestamp } from '@iodm-northbound/types';
import { ValidationError } from './errors.js';

/** `20151212T121212Z` → `Date` (UTC). Throws ValidationError for anything else, including 20150230T000000Z. */
export function parsePlatformTimestamp(value: PlatformTimestamp): Date {
  const date = codec.parsePlatformTimestamp(value);
  if (date !== undefined) return date;
  // Well-formed but no real instant (30 February, hour 24) reads differently from a wrong format.
  const wellFormed = typeof value === 'string' && platformTimestampPattern.test(value);
  throw new ValidationError('timestamp', wellFormed ? `not a valid date and time: ${JSON.stringify(value)}` : `not a platform timestamp (yyyyMMddTHHmmssZ): ${JSON.stringify(value)}`, null);
}

/** `Date` → `20151212T121212Z` (UTC, milliseconds dropped). */
export function formatPlatformTimestamp(date: Date): PlatformTimestamp {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ValidationError('date', 'not a valid Date', null);
  }
  try {
    return codec.formatPlatformTimestamp(date);
  } catch (error) {
    // The codec's RangeError says which year does not fit the four digits.
    if (error instanceof RangeError) throw new ValidationError('date', error.message, null);
    throw error;
  }
}
