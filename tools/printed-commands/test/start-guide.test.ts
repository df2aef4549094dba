// Every shell command `npm start` prints under "How to call it" runs as printed against a live mock.
import { describe, it } from 'vitest';
import { shellGuide } from '../../start-guide.mjs';
import { commandsOfLines } from '../src/markdown-commands.mjs';
import { APP_ID, expectRuns, SECRET, useLiveMock } from './support.js';

const guideFor = (url: string) =>
  shellGuide({ url, appId: APP_ID, secret: SECRET, operationId: '5bf3a8c7e1d2f40001a3b4c5', campaignId: 'campaign-3' }).flatMap(({ lines }, section) =>
    commandsOfLines(lines, `npm start, section ${section + 1}`, 1),
  );
const live = useLiveMock();

describe('npm start: How to call it', () => {
  guideFor('http://127.0.0.1:4010').forEach((command, index) => {
    it(`${command.file}, line ${command.line}: ${command.text}`, async () => {
      // Printed with the address of the mock it serves: here the live one.
      await expectRuns(live(), guideFor(live().mock.url)[index]!);
    });
  });
});
