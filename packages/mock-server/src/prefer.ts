/** What a request asked of the mock through its `Prefer` header (RFC 7240). */
interface MockPreferences {
  /** Serve this documented status code. */
  code?: number;
  /** Serve the named example of the spec (the mock finds its status code). */
  example?: string;
  /** Generate the body from the schema instead of serving an example. */
  dynamic?: boolean;
  /** Seed of the generator, so a dynamic answer can be repeated. */
  seed?: string;
}

/**
 * The request's scenario headers cannot be honoured. This is a mistake in the test setup, not
 * something the platform would answer, so the mock says so plainly (problem+json, 422).
 */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/**
 * Parses the preferences the mock understands. `,` and `;` both separate them, so
 * `code=404, example=TaskNotFound` and `code=404; example=TaskNotFound` mean the same thing;
 * preferences the mock does not know (e.g. `return=minimal`) are ignored, as RFC 7240 asks.
 */
export function parsePreferHeader(header: string | string[] | undefined): MockPreferences {
  const preferences: MockPreferences = {};
  if (header === undefined) return preferences;
  const text = Array.isArray(header) ? header.join(',') : header;
  for (const [rawName, rawValue] of splitPairs(text)) {
    const name = rawName.toLowerCase();
    const value = rawValue ?? '';
    switch (name) {
      case 'code':
        if (!/^\d{3}$/.test(value)) throw new ScenarioError(`Prefer code must be a 3-digit HTTP status, got "${value}"`);
        preferences.code = Number.parseInt(value, 10);
        break;
      case 'example':
        if (value === '') throw new ScenarioError('Prefer example needs the name of an example, e.g. example=TaskNotFound');
        preferences.example = value;
        break;
      case 'dynamic':
        if (value !== 'true' && value !== 'false') throw new ScenarioError(`Prefer dynamic must be true or false, got "${value}"`);
        preferences.dynamic = value === 'true';
        break;
      case 'seed':
        if (value === '') throw new ScenarioError('Prefer seed needs a value');
        preferences.seed = value;
        break;
      default:
        break;
    }
  }
  return preferences;
}

function* splitPairs(text: string): Generator<[string, string | undefined]> {
  let current = '';
  let quoted = false;
  const pairs: string[] = [];
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === ',' || char === ';')) {
      pairs.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  pairs.push(current);
  for (const pair of pairs) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    if (equals < 0) {
      yield [trimmed, undefined];
      continue;
    }
    let value = trimmed.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    yield [trimmed.slice(0, equals).trim(), value];
  }
}
