// Every command in a `sh` block of the root README and the packages' READMEs runs as printed
// against a live mock (the convention: src/markdown-commands.mjs); a block that is not run says
// why. Commands that serve until Ctrl-C, or are marked release-tier, run in test/release/.
import { describe, expect, it } from 'vitest';
import { readmeCommandBlocks } from '../src/readmes.mjs';
import { expectRuns, SERVES_IN_RELEASE_TIER, useLiveMock } from './support.js';

const readmes = await readmeCommandBlocks();
const live = useLiveMock();

describe('the READMEs follow the convention for command blocks', () => {
  it.each(readmes.map(({ file, problems }) => [file, problems] as const))('%s', (_file, problems) => {
    expect(problems).toEqual([]);
  });
});

// One file after another, one command after another: they log in as the same application, and
// the mock, like the platform, honours only its newest token.
for (const { file, blocks } of readmes) {
  describe(file, () => {
    for (const block of blocks) {
      const skipped = block.notRun ? `not run: ${block.notRun}` : block.releaseTier ? `release tier: ${block.releaseTier}` : block.serves ? SERVES_IN_RELEASE_TIER : undefined;
      for (const command of block.commands) {
        const name = `${file}:${command.line}: ${command.text}`;
        if (skipped) it.skip(`${name} (${skipped})`, () => {});
        else it(name, async () => void (await expectRuns(live(), command)));
      }
    }
  });
}
