// The common shape of every change the gate reports, whichever check found it.

export type Severity = 'breaking' | 'non-breaking' | 'unclassified';

export interface Finding {
  /** The rule of compare/rules.ts that classified it, or `openapi-diff:<code>` for openapi-diff's own lines. */
  rule: string;
  severity: Severity;
  /** What kind of change, in a few words: "Response field removed". */
  title: string;
  /** What changed (Markdown): a field path, parameter, example or header name; may be empty. */
  subject: string;
  /** Where in the API, in plain words (Markdown): "`GET /pets`, response 200 (`application/json`)". */
  where: string;
  /** Before/after values or other specifics (Markdown). */
  detail?: string;
  /** Which check found it: openapi-diff itself, or the gate's own field-level checks. */
  source: 'openapi-diff' | 'spec-diff';
  /** Set on a field-level finding when openapi-diff flagged the same body at the same severity. */
  alsoFlaggedByOpenapiDiff?: boolean;
}

export const severities: readonly Severity[] = ['breaking', 'non-breaking', 'unclassified'];

/**
 * Inline Markdown code: the fence is longer than any backtick run inside (CommonMark), with a
 * space of padding when the text starts or ends with a backtick.
 */
export function code(text: unknown): string {
  const raw = typeof text === 'string' ? text : JSON.stringify(text);
  const longestRun = Math.max(0, ...(raw.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = raw.startsWith('`') || raw.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${raw}${padding}${fence}`;
}
