// `@iodm-northbound/spec/timestamp`: the platform's compact UTC timestamps, yyyyMMdd'T'HHmmss'Z'
// (e.g. 20151212T121212Z), read and written by one codec for the client, the CLI and the mock.
// They are not RFC 3339, so `new Date()` cannot read them. Reads no file when imported.
import { platformTimestampPattern } from './generated/facts.js';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * `20151212T121212Z` as a `Date` (UTC), or undefined when the text is not a platform timestamp or
 * names no real instant (30 February, hour 24, second 60). Years 0..99 are read as written.
 */
export function parsePlatformTimestamp(text: string): Date | undefined {
  if (typeof text !== 'string' || !platformTimestampPattern.test(text)) return undefined;
  const [year, month, day, hour, minute, second] = [text.slice(0, 4), text.slice(4, 6), text.slice(6, 8), text.slice(9, 11), text.slice(11, 13), text.slice(13, 15)].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Not Date.UTC: it reads years 0..99 as 1900..1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  // Date rolls 30 February over into March: a real timestamp survives the round trip unchanged.
  return formatFields(date) === text ? date : undefined;
}

/**
 * A `Date` or epoch milliseconds as `20151212T121212Z` (UTC, milliseconds dropped). Throws a
 * RangeError for an invalid date or one whose year does not fit four digits (0..9999), a TypeError
 * for anything that is neither.
 */
export function formatPlatformTimestamp(instant: Date | number): string {
  if (!(instant instanceof Date) && typeof instant !== 'number') throw new TypeError(`not a Date or epoch milliseconds: ${String(instant)}`);
  const date = new Date(instant instanceof Date ? instant.getTime() : instant);
  if (Number.isNaN(date.getTime())) throw new RangeError('not a valid date');
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} does not fit the platform's four-digit format`);
  const text = formatFields(date);
  // The format is the facts' pattern; a text it refuses would be refused by every reader.
  if (!platformTimestampPattern.test(text)) throw new RangeError(`${text} does not match the platform timestamp pattern ${platformTimestampPattern.source}`);
  return text;
}

function formatFields(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}T${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
}
