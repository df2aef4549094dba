// Matching rules for recorded values that vary from run to run: a recorded pact must hold for the
// next token, id and timestamp, so it pins the shape (Pact `type`) and the format (Pact `regex`)
// and only the values a team says it relies on.
import { platformTimestampPattern } from '@iodm-northbound/spec/facts';

export interface MatchingRule {
  readonly match: 'type' | 'regex' | 'integer' | 'equality';
  readonly regex?: string;
  readonly min?: number;
}

export type MatchingRules = Record<string, { combine: 'AND'; matchers: MatchingRule[] }>;

/** The formats of the values that vary: the platform's timestamps (the spec's pattern) and the mock's tokens. */
const FORMATS: readonly RegExp[] = [platformTimestampPattern, /^[0-9a-f]{32}$/, /^Bearer [0-9a-f]{32}$/];

/** The rule of one recorded value: its format when it has a known one, else its type. */
export function ruleFor(value: unknown): MatchingRule {
  if (typeof value === 'string') {
    const format = FORMATS.find((candidate) => candidate.test(value));
    if (format) return { match: 'regex', regex: format.source };
  }
  if (typeof value === 'number' && Number.isInteger(value)) return { match: 'integer' };
  return { match: 'type' };
}

/**
 * The item every recorded item is like: an object keeps the keys all of them have (a task with
 * device targets and one with group targets are both "like" a task with targets), values from the first.
 */
function commonShape(items: readonly unknown[]): unknown {
  const [first] = items;
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return first;
  const objects = items.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item));
  const shared = Object.keys(first).filter((key) => objects.length === items.length && objects.every((item) => key in item));
  return Object.fromEntries(shared.map((key) => [key, commonShape(objects.map((item) => item[key]))]));
}

/**
 * A recorded JSON body as a pact example with its rules: arrays keep one item, the
 * shape all recorded items share (Pact's `eachLike`: at least one, each like it), every leaf gets `ruleFor`, paths in `exact` keep their value, paths
 * in `omit` (fields the consumer does not read) are left out.
 */
export function bodyRules(body: unknown, exact: readonly string[], omit: readonly string[] = []): { example: unknown; rules: MatchingRules } {
  const rules: MatchingRules = {};
  const walk = (value: unknown, rulePath: string): unknown => {
    if (Array.isArray(value)) {
      if (value.length === 0) return [];
      rules[rulePath] = { combine: 'AND', matchers: [{ match: 'type', min: 1 }] };
      return [walk(commonShape(value), `${rulePath}[*]`)];
    }
    if (value !== null && typeof value === 'object') {
      const kept = Object.entries(value).filter(([key]) => !omit.includes(`${rulePath}.${key}`));
      return Object.fromEntries(kept.map(([key, item]) => [key, walk(item, `${rulePath}.${key}`)]));
    }
    // An exact value needs its own equality rule: an enclosing array's type rule reaches every leaf.
    rules[rulePath] = { combine: 'AND', matchers: [exact.includes(rulePath) ? { match: 'equality' } : ruleFor(value)] };
    return value;
  };
  return { example: walk(body, '$'), rules };
}
