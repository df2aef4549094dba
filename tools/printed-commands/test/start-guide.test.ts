// Every shell command `npm start` prints under "How to call it" runs as printed against a live mock.
import { describe, expect, it } from 'vitest';
import { shellGuide } from '../../start-guide.mjs';
import { commandsOfLines } from '../src/markdown-commands.mjs';
import { APP_ID, expectRuns, SECRET, useLiveMock } from './support.js';

const guideSections = (url: string) => shellGuide({ url, appId: APP_ID, secret: SECRET, operationId: '5bf3a8c7e1d2f40001a3b4c5', campaignId: 'campaign-3' });
const guideFor = (url: string) => guideSections(url).flatMap(({ lines }, section) => commandsOfLines(lines, `npm start, section ${section + 1}`, 1));
/** What the guide's comment says an over-limit page size is answered with: the page size and the error code. */
const promisedRefusal = /pageSize=(\d+) -> \d+\/(\d+)/.exec(guideSections('').flatMap(({ lines }) => lines).join('\n'));
const live = useLiveMock();

describe('npm start: How to call it', () => {
  it('says which page size is refused, and a command sends it', () => {
    expect(promisedRefusal, 'a "pageSize=N -> status/code" comment').not.toBeNull();
    expect(guideFor('').some(({ text }) => text.includes(`pageSize=${promisedRefusal?.[1]}'`))).toBe(true);
  });

  guideFor('http://127.0.0.1:4010').forEach((command, index) => {
    it(`${command.file}, line ${command.line}: ${command.text}`, async () => {
      // Printed with the address of the mock it serves: here the live one.
      const output = await expectRuns(live(), guideFor(live().mock.url)[index]!);
      // The over-limit example is answered as the guide's comment says.
      if (promisedRefusal && command.text.includes(`pageSize=${promisedRefusal[1]}'`)) expect(output).toContain(`"${promisedRefusal[2]}"`);
    });
  });
});
