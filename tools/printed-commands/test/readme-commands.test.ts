// Every command in a `sh` block of the root README and the packages' READMEs runs as printed
// against a live mock (the convention: src/markdown-commands.mjs); a block that is not run says
// why. Commands that serve until Ctrl-C, or are marked release-tier, run in test/release/.
import { describe, expect, it } from 'vitest';
import { readmeCommandBlocks } from '../src/readmes.mjs';
import { expectRuns, useLiveMock } from './support.js';

const readmes = await readmeCommandBlocks();
const live = useLiveMock();

describe('the READMEs follow the convention for command blocks', () => {
  it.each(readmes.map(({ file, problems }) => [file, problems] as const))('%s', (_file, problems) => {
    expect(problems).toEqual([]);
  });
});

// Blocks that are not run here say why; the slow ones (serving until Ctrl-C, marked release-tier)
// run in test/release/slow-commands.test.ts, so they are not listed again in this tier.
describe('every block not run says why', () => {
  const notRun = readmes.flatMap(({ file, blocks }) => blocks.filter((block) => block.notRun !== undefined).map((block) => [`${file}:${block.line}`, block.notRun] as const));
  it.each(notRun)('%s: %s', (_where, reason) => {
    expect(reason?.trim().length).toBeGreaterThan(10);
  });
});

// One file after another, one command after another: they log in as the same application, and
// the mock, like the platform, honours only its newest token.
for (const { file, blocks } of readmes) {
  const runHere = blocks.filter(({ notRun, releaseTier, serves }) => !notRun && !releaseTier && !serves);
  if (runHere.length === 0) continue;
  describe(file, () => {
    for (const block of runHere) {
      for (const command of block.commands) {
        it(`${file}:${command.line}: ${command.text}`, async () => void (await expectRuns(live(), command)));
      }
    }
  });
}
