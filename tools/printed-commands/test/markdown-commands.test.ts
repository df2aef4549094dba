// The convention for which README blocks are commands, read from small Markdown texts.
import { describe, expect, it } from 'vitest';
import { readCommandBlocks } from '../src/markdown-commands.mjs';

const fence = '```';

describe('readCommandBlocks', () => {
  it('reads the commands of a sh block: continuations joined, comments dropped, exports carried', () => {
    const markdown = ['# Title', '', `${fence}sh`, '# a comment', 'export A=1', 'first \\', '  --flag   # why', '', 'second', fence].join('\n');
    const { blocks, problems } = readCommandBlocks(markdown, 'README.md');
    expect(problems).toEqual([]);
    expect(blocks).toEqual([
      {
        file: 'README.md',
        line: 3,
        notRun: undefined,
        releaseTier: undefined,
        serves: false,
        commands: [
          { file: 'README.md', line: 6, text: 'first --flag   # why', exports: ['export A=1'] },
          { file: 'README.md', line: 9, text: 'second', exports: ['export A=1'] },
        ],
      },
    ]);
  });

  it('never runs text, ts or other code blocks', () => {
    const markdown = [`${fence}text`, '$ rm -rf /', fence, `${fence}ts`, 'await run();', fence].join('\n');
    expect(readCommandBlocks(markdown, 'R.md')).toEqual({ blocks: [], problems: [] });
  });

  it('reads the markers on the line before a block, with their reasons', () => {
    const markdown = [
      '<!-- not-run: installs from the registry -->',
      `${fence}sh`,
      'npm install x',
      fence,
      '<!-- serves-until-ctrl-c -->',
      '',
      `${fence}sh`,
      'serve --port 0',
      fence,
      '<!-- release-tier: takes a minute -->',
      `${fence}sh`,
      'slow',
      fence,
    ].join('\n');
    const { blocks, problems } = readCommandBlocks(markdown, 'R.md');
    expect(problems).toEqual([]);
    expect(blocks.map(({ notRun, serves, releaseTier }) => ({ notRun, serves, releaseTier }))).toEqual([
      { notRun: 'installs from the registry', serves: false, releaseTier: undefined },
      { notRun: undefined, serves: true, releaseTier: undefined },
      { notRun: undefined, serves: false, releaseTier: 'takes a minute' },
    ]);
  });

  it('reports every break of the convention with its line', () => {
    const markdown = [
      fence, // 1: no language
      'npm test',
      fence,
      `${fence}bash`, // 4: shell, but not sh
      'npm test',
      fence,
      '<!-- not-run: -->', // 7
      `${fence}sh`, // 8: no reason
      'npm test',
      fence,
      '<!-- not-run: a reason -->',
      `${fence}text`, // 12: a marker on output
      'out',
      fence,
    ].join('\n');
    expect(readCommandBlocks(markdown, 'R.md').problems.map(({ line, problem }) => `${line}: ${problem}`)).toEqual([
      '1: a fence without a language: tag commands `sh`, output `text`',
      '4: a `bash` fence: tag commands `sh` (they are run), output `text`',
      '8: a marker without its reason',
      '12: a marker before a `text` fence: markers apply to `sh` blocks only',
    ]);
  });
});
