// The READMEs whose commands are checked: the root README and each package's.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readCommandBlocks } from './markdown-commands.mjs';
import { repoRoot } from './run-printed.mjs';

/** @returns {Promise<Array<{ file: string } & ReturnType<typeof readCommandBlocks>>>} */
export async function readmeCommandBlocks() {
  const files = [join(repoRoot, 'README.md')];
  for (const entry of await readdir(join(repoRoot, 'packages'), { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(join(repoRoot, 'packages', entry.name, 'README.md'));
  }
  const read = [];
  for (const path of files) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const file = relative(repoRoot, path);
    read.push({ file, ...readCommandBlocks(text, file) });
  }
  return read;
}
