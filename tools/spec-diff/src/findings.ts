// The common shape of every change the gate reports, whichever check found it.
import { escapeControls } from './markdown-safety.js';

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

/** Longest text shown in one code span: a 20 000-value enum is not a report line. */
const codeLimit = 300;

/**
 * Inline Markdown code: the fence is longer than any backtick run inside (CommonMark), with a
 * space of padding when the text starts or ends with a backtick. Line breaks and control
 * characters are shown escaped, so the text cannot leave its span; an HTML comment opener is
 * broken, so no text of the spec reads as the bot's marker.
 */
export function code(text: unknown): string {
  const whole = escapeControls(typeof text === 'string' ? text : String(JSON.stringify(text)));
  const shown = whole.length > codeLimit ? `${whole.slice(0, codeLimit)}… (${whole.length - codeLimit} more characters)` : whole;
  const raw = shown.replaceAll('<!--', '<!\u200b--');
  const longestRun = Math.max(0, ...(raw.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = raw.startsWith('`') || raw.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${raw}${padding}${fence}`;
}

/** A version as written: plain when it is made of version characters, else in a code span. */
export function versionText(text: string): string {
  return /^[0-9A-Za-z.+-]{1,64}$/.test(text) ? text : code(text);
}
