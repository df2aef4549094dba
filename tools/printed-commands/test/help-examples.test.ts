// Every example in the operator CLI's --help (the program's and each command's) runs as printed
// against a live mock; an example of a command that serves until Ctrl-C runs in test/release/.
import { describe, expect, it } from 'vitest';
import { helpExamples } from '../src/help-examples.mjs';
import { expectRuns, useLiveMock } from './support.js';

const examples = await helpExamples();
const live = useLiveMock();

it('finds the examples of the program and of its commands', () => {
  expect(new Set(examples.map(({ where }) => where)).size).toBeGreaterThan(3);
});

// Each example logs in as its own application, so they can run side by side (the mock honours
// only an application's newest token, like the platform).
describe.concurrent('iodm-northbound --help examples', () => {
  // An example of a command that serves until Ctrl-C runs in test/release/slow-commands.test.ts.
  examples.forEach(({ where, text, serves }, index) => {
    if (!serves) it(`${where}: ${text}`, async () => void (await expectRuns(live(), { text, exports: [] }, false, `help-example-app-${index}`)));
  });
});
