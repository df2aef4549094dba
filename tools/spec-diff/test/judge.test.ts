// The decision on two documents in process, openapi-diff included: its failures never stop the
// gate, and where it disagrees with the field-level checks it is a line for the reviewer, not a verdict.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/findings.js';
import { judge } from '../src/judge.js';
import { mergeSecondOpinion } from '../src/second-opinion.js';
import { thingsSpec } from './fixtures.js';

const changelogFor = (version: string) => `# Changelog\n\n## [${version}] - 2026-11-26\n\n- Changed.\n`;

async function judgeEdit(change: (document: any) => void, setup: (document: any) => void = () => {}) {
  const before = thingsSpec();
  const after = thingsSpec();
  setup(before);
  setup(after);
  change(after);
  after.info.version = '1.1.0';
  return judge({ before, after, changelog: changelogFor('1.1.0'), baseChangelog: undefined, changelogPath: 'CHANGELOG.md' });
}

describe('judging two documents', () => {
  it('a document openapi-diff refuses still gets a verdict, and the report says openapi-diff could not compare', async () => {
    // A response without `description` is valid enough for clients, not for openapi-diff's Swagger validation.
    const noDescription = (d: any) => delete d.paths['/things'].post.responses['200'].description;
    const result = await judgeEdit(
      (d) => d.paths['/things'].post.parameters.push({ name: 'q', in: 'query', required: true, schema: { type: 'string' } }),
      noDescription
    );
    expect(result.notes.join('\n')).toMatch(/openapi-diff could not compare the documents/);
    expect(result.findings.map((finding) => `${finding.rule} ${finding.severity}`)).toEqual(['parameter-added-required breaking']);
    expect(result.exitCode).toBe(1);
  });

  it('a second request media type is not breaking, whatever openapi-diff says of the body', async () => {
    const result = await judgeEdit((d) => (d.paths['/things'].post.requestBody.content['text/plain'] = { schema: { type: 'string' } }));
    expect(result.findings.filter((finding) => finding.severity === 'breaking')).toEqual([]);
    expect(result.findings.filter((finding) => finding.source === 'spec-diff').map((finding) => finding.rule)).toEqual([
      'media-type-added',
    ]);
    expect(result.exitCode).toBe(0);
  });
});

describe("folding openapi-diff's findings in", () => {
  const own: Finding = {
    rule: 'property-removed',
    severity: 'breaking',
    title: 'Response field removed',
    subject: '`a`',
    where: 'W',
    source: 'spec-diff',
  };
  const library = (severity: Finding['severity'], where: string) => ({
    rule: 'openapi-diff:response.body.scope.add',
    code: 'response.body.scope.add',
    severity,
    title: 'Response body may hold values it could not before',
    subject: 'the body',
    where,
    source: 'openapi-diff' as const,
  });
  it('marks a field-level finding openapi-diff agrees with', () => {
    expect(mergeSecondOpinion([own], [library('breaking', 'W')])).toEqual([{ ...own, alsoFlaggedByOpenapiDiff: true }]);
  });
  it('lists a disagreement as unclassified, never as a verdict', () => {
    const merged = mergeSecondOpinion([own], [library('breaking', 'elsewhere'), library('non-breaking', 'W')]);
    expect(merged.slice(1).map((finding) => `${finding.severity} ${finding.where}: ${finding.detail}`)).toEqual([
      'unclassified elsewhere: openapi-diff rates it breaking (it compares the schemas as sets of values); ' +
        'no field-level check found a change here: compare by hand',
      'unclassified W: openapi-diff rates it non-breaking (it compares the schemas as sets of values); ' +
        'the field-level checks rate this place differently: compare by hand',
    ]);
  });
});
