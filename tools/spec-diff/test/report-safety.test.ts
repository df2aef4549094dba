// The report is posted as a pull-request comment: text from the spec (property names, enum
// values, info.version, titles) must not render as a heading, verdict, mention, link, image, HTML
// or the bot's marker, whatever characters it holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inertLine } from '../src/markdown-safety.js';
import { baseSpec, HostileRepo } from './hostile-repo.js';
import { expectSafeReport, hostileSpecText } from './report-safety-checks.js';

let repo: HostileRepo;
beforeAll(async () => {
  repo = await HostileRepo.create();
});
afterAll(async () => {
  await repo?.remove();
});

describe('a report safe to post', () => {
  it('spec text in names, enum values and info.version stays inside its code spans', async () => {
    const names = JSON.stringify(hostileSpecText);
    await repo.writeFile(
      'openapi/pet.yaml',
      `type: object\nproperties:\n  ${names}:\n    type: string\n    enum: [${names}, "\`\`"]\n    description: ${names}\n`
    );
    await repo.writeFile('openapi/openapi.yaml', baseSpec.replace('version: 1.0.0', `version: ${names}`).replace('title: Pets', `title: ${names}`));
    const { exitCode, stdout } = await repo.pullRequestGate();
    expect(exitCode).toBe(1);
    expectSafeReport(stdout);
  });

  it('text outside code spans is inert, and a span cannot be ended early by a backslash', () => {
    expect(inertLine('see <b>@team</b> [x](http://a) ![i](www.b.c) #12')).toBe(
      'see &lt;b&gt;@\u200bteam&lt;/b&gt; \\[x\\](http:\u200b//a) !\\[i\\](www\u200b.b.c) #\u200b12'
    );
    expect(inertLine('status 200\\`x` @team `')).toBe('status 200\uff3c`x` @\u200bteam `');
    expect(inertLine('line\nbreak `a\nb`')).toBe('line\\nbreak `a\\nb`');
  });
});
