// Option value parsers: each turns a bad value into commander's InvalidArgumentError, which the
// CLI reports as one line with exit code 2.
import { InvalidArgumentError } from 'commander';

/** One of `values`; `hints` adds a word for a likely mistake (e.g. `failed` for subtasks). */
export function choice<T extends string>(values: readonly T[], hints: Readonly<Record<string, string>> = {}) {
  return (value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    const hint = hints[value] ? ` (${hints[value]})` : '';
    throw new InvalidArgumentError(`'${value}' is not one of ${values.join(', ')}${hint}.`);
  };
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "5s", "500ms", "2m", "1h", at least 100 ms; a bare number is refused (is 5000 seconds or ms?). */
export function duration(value: string): number {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) throw new InvalidArgumentError(`'${value}' has no unit: add one (e.g. ${text}s, ${text}ms, ${text}m).`);
  const match = DURATION.exec(text);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2]!]! : Number.NaN;
  if (!(ms >= 100) || !Number.isFinite(ms)) throw new InvalidArgumentError(`'${value}' is not a duration of at least 100ms (e.g. 5s, 500ms, 2m).`);
  return ms;
}

export function integerIn(min: number, max: number) {
  return (value: string): number => {
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) throw new InvalidArgumentError(`'${value}' is not an integer from ${min} to ${max}.`);
    return number;
  };
}

export function positiveNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(`'${value}' is not a positive number.`);
  return number;
}
