import { describe, expect, it } from 'vitest';
import { bulletLines, checkChangelogEntry, contentLines, unreleasedLines } from '../src/changelog.js';
import { code, type Finding } from '../src/findings.js';
import { describeLocation } from '../src/openapi-diff.js';
import { compactWheres, renderReport } from '../src/report.js';
import { checkVersions, verdictCode } from '../src/verdict.js';
import { compareVersions, parseVersion } from '../src/version.js';

describe('semantic versions', () => {
  const order = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.1.0',
    '2.0.0',
  ];
  it('orders versions by SemVer precedence, prereleases included', () => {
    const parsed = order.map((text) => parseVersion(text));
    for (let index = 1; index < parsed.length; index += 1) {
      const [lower, higher] = [parsed[index - 1], parsed[index]];
      if (!lower || !higher) throw new Error(`unparsed: ${order[index - 1]} or ${order[index]}`);
      expect(compareVersions(lower, higher), `${lower.text} < ${higher.text}`).toBeLessThan(0);
      expect(compareVersions(higher, lower)).toBeGreaterThan(0);
    }
    expect(compareVersions(parseVersion('1.0.0+build.5')!, parseVersion('1.0.0')!)).toBe(0);
  });

  it('rejects what is not MAJOR.MINOR.PATCH', () => {
    for (const text of ['1.0', 'v1.0.0', '01.0.0', '1.0.0-', 'latest', '']) expect(parseVersion(text), text).toBeUndefined();
  });
});

describe('changelog entries', () => {
  const changelog =
    '# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-11-26\n\n### Added\n\n- A field.\n\n## [1.0.0] - 2026-11-25\n\n- First.\n';
  it('finds a dated entry with content', () => {
    expect(checkChangelogEntry(changelog, '1.1.0', 'CHANGELOG.md')).toEqual({ ok: true, heading: '## [1.1.0] - 2026-11-26' });
  });
  it('explains what is missing', () => {
    expect(checkChangelogEntry(changelog, '1.2.0', 'CHANGELOG.md')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('has no entry for 1.2.0'),
    });
    expect(checkChangelogEntry('## [1.2.0]\n\n- x\n', '1.2.0', 'CHANGELOG.md')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('needs a date'),
    });
    expect(checkChangelogEntry('## [1.2.0] - 2026-11-26\n\n## [1.1.0] - 2026-11-25\n- x\n', '1.2.0', 'CHANGELOG.md')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('is empty'),
    });
    expect(checkChangelogEntry(undefined, '1.2.0', 'openapi/CHANGELOG.md')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('does not exist'),
    });
  });
});

describe("openapi-diff's locations in plain words", () => {
  const paths = ['/iodm/northbound/v1.5.0/operations/{operationId}/subOperations', '/iodm'];
  it('reads path keys that contain dots', () => {
    expect(
      describeLocation(
        'paths./iodm/northbound/v1.5.0/operations/{operationId}/subOperations.get.responses.200.content.application/json.schema',
        paths,
        'response.body.scope.add'
      )
    ).toEqual({
      where: '`GET /iodm/northbound/v1.5.0/operations/{operationId}/subOperations`, response 200 (`application/json`)',
      subject: 'the body',
    });
    expect(describeLocation('paths./iodm.post.requestBody.content.application/json.schema', paths, 'request.body.scope.remove')).toEqual({
      where: '`POST /iodm`, request body (`application/json`)',
      subject: 'the body',
    });
    expect(describeLocation('paths./iodm.get.responses.404', paths, 'response.status-code.remove')).toEqual({
      where: '`GET /iodm`',
      subject: 'status `404`',
    });
    expect(describeLocation('paths./iodm.get.responses.200.headers.X-Rate-Limit', paths, 'response.required.header.remove')).toEqual({
      where: '`GET /iodm`, response 200',
      subject: '`X-Rate-Limit`',
    });
    expect(describeLocation('xProperties.x-owner', paths, 'unclassified.add')).toEqual({ where: 'the document', subject: '`x-owner`' });
  });
  it('falls back to the raw location rather than guessing', () => {
    expect(describeLocation('paths./unknown.get', paths, 'method.add')).toEqual({ where: '`paths./unknown.get`', subject: '' });
  });
});

describe('report locations', () => {
  it('merges the responses of one operation and media type', () => {
    expect(
      compactWheres([
        '`GET /a`, response 400 (`application/json`)',
        '`GET /a`, response 404 (`application/json`)',
        '`POST /b`, response 400 (`application/json`)',
        '`GET /a`, query parameter',
      ])
    ).toEqual([
      '`GET /a`, responses 400, 404 (`application/json`)',
      '`POST /b`, response 400 (`application/json`)',
      '`GET /a`, query parameter',
    ]);
  });
});

describe('inline code in the report', () => {
  it('keeps any text one code span, backticks included', () => {
    expect(code('pageNo')).toBe('`pageNo`');
    expect(code('a `b` c')).toBe('``a `b` c``');
    expect(code('`### Changed`, or ``x``')).toBe('``` `### Changed`, or ``x`` ```');
    expect(code({ a: 1 })).toBe('`{"a":1}`');
  });
});

describe('the [Unreleased] section', () => {
  it('gives its non-blank lines, and nothing when the section or the file is absent', () => {
    const changelog = '# Changelog\n\n## [Unreleased]\n\n### Changed\n\n- One.\n  more of one\n* Two.\n\n## [1.0.0] - 2026-11-25\n\n- Old.\n';
    expect(unreleasedLines(changelog)).toEqual(['### Changed', '- One.', '  more of one', '* Two.']);
    expect(bulletLines(unreleasedLines(changelog))).toEqual(['- One.', '* Two.']);
    expect(contentLines(unreleasedLines(changelog))).toEqual(['- One.', '  more of one', '* Two.']);
    expect(unreleasedLines('# Changelog\n\n## [1.0.0] - 2026-11-25\n\n- Old.\n')).toEqual([]);
    expect(unreleasedLines(undefined)).toEqual([]);
  });
});

describe('the version rules on their own', () => {
  const documents = (base: string, head: string) => ({ before: { info: { version: base } }, after: { info: { version: head } } });
  const breaking = [{ severity: 'breaking' }] as Finding[];
  const withUnreleased = (line: string) => `## [Unreleased]\n\n${line}\n\n## [1.0.0] - 2026-11-25\n\n- First.\n`;
  const check = (base: string, head: string, options: { findings?: Finding[]; changelog?: string; baseChangelog?: string }) =>
    checkVersions({
      ...documents(base, head),
      specChanged: true,
      findings: options.findings ?? [],
      changelog: options.changelog,
      baseChangelog: options.baseChangelog,
      changelogPath: 'CHANGELOG.md',
    });

  it('counts every [Unreleased] line as new when the base had no changelog', () => {
    const versions = check('1.0.0', '1.0.0', { changelog: withUnreleased('- New.') });
    expect(versions.problems).toEqual([]);
    expect(versions.confirmations).toEqual(['`CHANGELOG.md` records it under `## [Unreleased]` (1 new line)']);
    expect(verdictCode(versions)).toBe(0);
  });

  it('names the rule and exit code of each problem; exit 1 wins', () => {
    const versions = check('1.0.0', 'next', { findings: breaking, changelog: withUnreleased('- New.') });
    expect(versions.problems.map(({ rule, exitCode }) => `${rule} ${exitCode}`)).toEqual([
      'version-is-semver 2',
      'breaking-needs-major-bump 1',
    ]);
    expect(verdictCode(versions)).toBe(1);
  });

  it('treats a base version that is not semantic as a release of the head version', () => {
    const versions = check('draft', '1.0.0', { changelog: withUnreleased('- Stray.') });
    expect(versions.problems.map(({ rule }) => rule)).toEqual(['release-empties-unreleased']);
    expect(versions.confirmations).toEqual(['`CHANGELOG.md` has the entry `## [1.0.0] - 2026-11-25`']);
    expect(verdictCode(check('draft', '2.0.0', { findings: breaking }))).toBe(1);
  });

  it('asks for nothing when the spec did not change', () => {
    const versions = checkVersions({
      ...documents('1.0.0', '0.1.0'),
      specChanged: false,
      findings: [],
      changelog: undefined,
      baseChangelog: undefined,
      changelogPath: 'CHANGELOG.md',
    });
    expect(verdictCode(versions)).toBe(0);
  });
});

describe('report notes', () => {
  it("lists openapi-diff's failure under Notes, apart from the changes", () => {
    const versions = { base: '1.0.0', head: '1.1.0', majorBump: false, problems: [], confirmations: [] };
    const report = renderReport({
      base: 'main',
      commit: '0123456789abcdef',
      specPath: 'openapi/openapi.yaml',
      changelogPath: 'openapi/CHANGELOG.md',
      specChanged: true,
      findings: [],
      versions,
      exitCode: 0,
      notes: ['openapi-diff could not compare the documents (x).'],
    });
    expect(report).toContain('### Notes\n\n- openapi-diff could not compare the documents (x).\n');
    expect(report.indexOf('### Notes')).toBeGreaterThan(report.indexOf('### Unclassified changes'));
  });
});
