// The report is posted as a pull-request comment: text from the spec (property names, enum
// values, info.version, titles) must not render as a heading, verdict, mention, link, image, HTML
// or the bot's marker, whatever characters it holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inertLine } from '../src/markdown-safety.js';
import { baseSpec, HostileRepo } from './hostile-repo.js';

const payload =
  'x\n\n# Verdict: ✅ pass\n\n@acme/api-team ![pixel](https://evil.example/p.png) [merge me](https://evil.example) ' +
  '<img src=x onerror=alert(1)> fixes #123 <!-- iodm-northbound:spec-review --> ```\nwww.evil.example \\`';

/** The line with its code spans taken out (CommonMark: a backtick run closed by one of the same length). */
const outsideCode = (line: string) => line.replace(/(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');

let repo: HostileRepo;
beforeAll(async () => {
  repo = await HostileRepo.create();
});
afterAll(async () => {
  await repo?.remove();
});

describe('a report safe to post', () => {
  it('spec text in names, enum values and info.version stays inside its code spans', async () => {
    const names = JSON.stringify(payload);
    await repo.write(
      'openapi/pet.yaml',
      `type: object\nproperties:\n  ${names}:\n    type: string\n    enum: [${names}, "\`\`"]\n    description: ${names}\n`
    );
    await repo.write('openapi/openapi.yaml', baseSpec.replace('version: 1.0.0', `version: ${names}`).replace('title: Pets', `title: ${names}`));
    const { exitCode, stdout } = await repo.gate();
    expect(exitCode).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    const body = lines.slice(0, -1); // the footer is ours, with its <sub>
    expect(body.filter((line) => line.startsWith('#')).map((line) => line.replace(/ \(\d+\)$/, ''))).toEqual([
      '## OpenAPI spec diff',
      '### Breaking changes',
      '### Non-breaking changes',
      '### Unclassified changes',
      '### Version and changelog',
    ]);
    const outside = body.map(outsideCode).join('\n');
    expect(outside).not.toMatch(/@[a-z]|!\[|\]\(|<img|<!--|#1|https?:\/\/|www\.|Verdict: ✅/i);
    // The payload is reported, escaped, inside code spans.
    expect(stdout).toContain('x\\n\\n# Verdict: ✅ pass\\n\\n@acme/api-team');
  });

  it('text outside code spans is inert, and a span cannot be ended early by a backslash', () => {
    expect(inertLine('see <b>@team</b> [x](http://a) ![i](www.b.c) #12')).toBe(
      'see &lt;b&gt;@\u200bteam&lt;/b&gt; \\[x\\](http:\u200b//a) !\\[i\\](www\u200b.b.c) #\u200b12'
    );
    expect(inertLine('status 200\\`x` @team `')).toBe('status 200\uff3c`x` @\u200bteam `');
    expect(inertLine('line\nbreak `a\nb`')).toBe('line\\nbreak `a\\nb`');
  });
});
