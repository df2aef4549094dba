// The printed commands that take long, run as printed against a live mock like all the others:
// those that serve until Ctrl-C (README blocks marked serves-until-ctrl-c, --help examples of
// a serving command: each started, its address awaited, stopped with SIGINT, nothing left
// running) and the README blocks marked release-tier.
import { describe, it } from 'vitest';
import { helpExamples } from '../../src/help-examples.mjs';
import { readmeCommandBlocks } from '../../src/readmes.mjs';
import { expectRuns, useLiveMock } from '../support.js';

const readmes = await readmeCommandBlocks();
const examples = await helpExamples();
const live = useLiveMock();

for (const { file, blocks } of readmes) {
  const slow = blocks.filter(({ notRun, releaseTier, serves }) => !notRun && (releaseTier || serves));
  if (slow.length === 0) continue;
  describe(file, () => {
    for (const block of slow) {
      for (const command of block.commands) {
        it(`${file}:${command.line}: ${command.text}`, async () => void (await expectRuns(live(), command, block.serves)), 600_000);
      }
    }
  });
}

describe('iodm-northbound --help examples that serve until Ctrl-C', () => {
  for (const { where, text } of examples.filter(({ serves }) => serves)) {
    it(`${where}: ${text}`, async () => void (await expectRuns(live(), { text, exports: [] }, true)));
  }
});
