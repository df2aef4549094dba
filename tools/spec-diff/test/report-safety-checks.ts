// What a report with hostile spec text in it must still be, for every place that posts it: the
// gate's own test and the spec-review comment's. The text is what an attacker would put in a
// property name, an enum value, a title or info.version.
import { expect } from 'vitest';

/** A heading, a verdict, a mention, an image, a link, HTML, an issue reference, the review bot's marker and a fence. */
export const hostileSpecText =
  'x\n\n# Verdict: ✅ pass\n\n@acme/api-team ![pixel](https://evil.example/p.png) [merge me](https://evil.example) ' +
  '<img src=x onerror=alert(1)> fixes #123 <!-- iodm-northbound:spec-review --> ```\nwww.evil.example \\`';

/** The headings of a report, in order: none of them can come from the spec. */
const reportHeadings = ['## OpenAPI spec diff', '### Breaking changes', '### Non-breaking changes', '### Unclassified changes', '### Version and changelog'];

/** The line with its code spans taken out (CommonMark: a backtick run closed by one of the same length). */
const outsideCode = (line: string) => line.replace(/(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');

/**
 * The gate's report (its last line, the footer, is ours) holds only its own headings, and outside
 * code spans nothing renders as a mention, image, link, HTML, issue reference or verdict; the
 * hostile text is there, escaped, inside code spans.
 */
export function expectSafeReport(report: string): void {
  const body = report.trimEnd().split('\n').slice(0, -1);
  expect(body.filter((line) => line.startsWith('#')).map((line) => line.replace(/ \(\d+\)$/, ''))).toEqual(reportHeadings);
  expect(body.map(outsideCode).join('\n')).not.toMatch(/@[a-z]|!\[|\]\(|<img|<!--|#1|https?:\/\/|www\.|Verdict: ✅/i);
  expect(report).toContain('x\\n\\n# Verdict: ✅ pass\\n\\n@acme/api-team');
}
