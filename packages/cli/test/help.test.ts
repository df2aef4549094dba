// What the CLI says of itself: unknown options named without their values, the version from the
// package's own package.json, and --help with examples and the exit codes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './support.js';

describe('an unknown option', () => {
  it.each([
    ['--token=S3CRET', ['tasks', '--token=S3CRET'], '--token'],
    ['on the program', ['--token=S3CRET'], '--token'],
    ['a short option with its value attached', ['subtasks', 'op', '-tS3CRET'], '-t'],
    ['a misspelt option with a value', ['tasks', '--base-ur=S3CRET'], '--base-ur'],
  ])('%s: named without its value, exit 2', async (_name, args, named) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`iodm-northbound: unknown option '${named}'\n`);
    expect(result.stdout).toBe('');
  });
});

describe('--version', () => {
  it("prints the version of the package's own package.json", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await runInProcess(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('the built CLI reads it from the package.json beside its dist/, not from a constant', async () => {
    // A copy of dist/ under a package.json of another version; node_modules resolve from packages/cli.
    // Beside the package (node_modules resolve from packages/cli); .test-results/ may not exist yet in a fresh clone.
    const scratch = fileURLToPath(new URL('../.test-results/', import.meta.url));
    mkdirSync(scratch, { recursive: true });
    const root = mkdtempSync(join(scratch, 'version-'));
    try {
      cpSync(fileURLToPath(new URL('../dist/', import.meta.url)), join(root, 'dist'), { recursive: true });
      writeFileSync(join(root, 'package.json'), JSON.stringify({ name: '@iodm-northbound/cli', version: '9.8.7-test', type: 'module' }));
      const built = (await import(pathToFileURL(join(root, 'dist', 'main.js')).href)) as { VERSION: string };
      expect(built.VERSION).toBe('9.8.7-test');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('--help', () => {
  it.each(['', 'tasks', 'task', 'subtasks', 'watch', 'create', 'mock'])('"%s": examples that run the command, and every exit code', async (command) => {
    const result = await runInProcess([...(command === '' ? [] : [command]), '--help']);
    expect(result.code).toBe(0);
    const examples = /\nExamples:\n((?: {2}\$ .*\n)+)/.exec(result.stdout);
    expect(examples, result.stdout).not.toBeNull();
    for (const line of examples![1]!.trimEnd().split('\n')) expect(line).toMatch(new RegExp(`^ {2}\\$ iodm-northbound ${command}`));
    expect(result.stdout).toMatch(/\nExit codes:\n {2}0 {4}success[\s\S]* {2}4 {4}create: [\s\S]* {2}130 {2}interrupted/);
  });
});
