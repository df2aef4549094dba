// A throwaway git repository holding a copy of the real spec (or files a test names): tests
// commit it as the base, edit the working tree like a pull request would, and run the gate against
// it (in this process, or as the real command in a child process for the one end-to-end case).
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { runCommand } from '../src/command.js';
import { runSpecDiff } from '../src/gate.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const tsxCli = require.resolve('tsx/cli');
const cliPath = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const realSpecDir = fileURLToPath(new URL('../../../openapi/', import.meta.url));

/** The version of every test repository's base commit. */
const baseVersion = '1.0.0';

/** The base commit's changelog: nothing unreleased, one dated entry for the base version. */
const baseChangelog = `# Changelog

## [Unreleased]

## [${baseVersion}] - 2026-11-25

### Added

- The first version.
`;

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface SpecRepoOptions {
  /** The base commit's files by path (a small spec, its changelog, whatever lies beside it) instead of the real spec. */
  readonly files?: Readonly<Record<string, string>>;
}

export class SpecRepo {
  protected constructor(readonly dir: string) {}

  private baseCommit = '';

  /**
   * A repository whose first commit (branch `main`) holds `files`, or else the real `openapi/`
   * tree with its version set to 1.0.0 and its changelog replaced by `baseChangelog`, so the
   * tests' version steps do not depend on the real version or history.
   */
  static async create(options: SpecRepoOptions = {}): Promise<SpecRepo> {
    const repo = new SpecRepo(await mkdtemp(join(tmpdir(), 'spec-diff-test-')));
    await repo.commitBase(options);
    return repo;
  }

  /** Makes the base commit on `main` and remembers it for `reset`. */
  protected async commitBase({ files }: SpecRepoOptions): Promise<void> {
    await this.git('init', '-q', '-b', 'main');
    if (files === undefined) {
      await cp(realSpecDir, join(this.dir, 'openapi'), { recursive: true });
      await this.setSpecVersion(baseVersion);
      await this.writeFile('openapi/CHANGELOG.md', baseChangelog);
    } else {
      for (const [path, text] of Object.entries(files)) await this.writeFile(path, text);
    }
    await this.commit('base spec');
    this.baseCommit = (await this.git('rev-parse', 'HEAD')).trim();
  }

  /** Back to the state `create` left: the base commit on `main`, a clean working tree, no tags. */
  async reset(): Promise<void> {
    // One spawn: `main` back at the base commit, checked out, tracked files as committed.
    await this.git('checkout', '-q', '-f', '-B', 'main', this.baseCommit);
    await this.git('clean', '-q', '-f', '-d', '-x');
    const tags = (await this.git('tag', '--list')).split('\n').filter(Boolean);
    if (tags.length > 0) await this.git('tag', '-d', ...tags);
  }

  async git(...args: string[]): Promise<string> {
    const { stdout } = await run(
      'git',
      ['-c', 'user.name=Spec Diff Test', '-c', 'user.email=spec-diff@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: this.dir }
    );
    return stdout;
  }

  async commit(message: string): Promise<void> {
    await this.git('add', '-A');
    await this.git('commit', '-q', '-m', message);
  }

  /** Parses a YAML file of the spec, lets `change` edit it in place, writes it back. */
  async editYaml(relativePath: string, change: (document: any) => void): Promise<void> {
    const path = join(this.dir, relativePath);
    const document = parse(await readFile(path, 'utf8'));
    change(document);
    await writeFile(path, stringify(document));
  }

  async writeFile(relativePath: string, text: string): Promise<void> {
    const path = join(this.dir, relativePath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }

  async setSpecVersion(version: string): Promise<void> {
    await this.editYaml('openapi/openapi.yaml', (document) => {
      document.info.version = version;
    });
  }

  /** Adds a dated Keep a Changelog entry above the existing ones, below `## [Unreleased]`. */
  async addChangelogEntry(version: string, body = '### Changed\n\n- Something a reviewer can read.'): Promise<void> {
    await this.insertAboveDatedEntries(`\n## [${version}] - 2026-11-26\n\n${body}\n`);
  }

  /** Adds lines to the `## [Unreleased]` section, as a pull request that leaves `info.version` alone does. */
  async addUnreleased(lines: string): Promise<void> {
    await this.insertAboveDatedEntries(`\n${lines}\n`);
  }

  private async insertAboveDatedEntries(text: string): Promise<void> {
    const path = join(this.dir, 'openapi', 'CHANGELOG.md');
    const changelog = await readFile(path, 'utf8');
    const at = /\n## \[\d/.exec(changelog)?.index ?? -1;
    await writeFile(path, at < 0 ? `${changelog}${text}` : `${changelog.slice(0, at)}${text}${changelog.slice(at)}`);
  }

  /** Bumps `info.version` and adds its changelog entry, as a well-formed pull request does. */
  async release(version: string): Promise<void> {
    await this.setSpecVersion(version);
    await this.addChangelogEntry(version);
  }

  /** Runs the gate in this process, as the command does, and returns what the command would print. */
  async gate(base: string): Promise<CommandResult> {
    const result = await runSpecDiff({ cwd: this.dir, base });
    return { exitCode: result.exitCode, stdout: `${result.markdown}\n`, stderr: '' };
  }

  /** Runs the command's code in this process, with these arguments, in this repository. */
  async command(...args: string[]): Promise<CommandResult> {
    let stdout = '';
    let stderr = '';
    const exitCode = await runCommand(args, this.dir, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { exitCode, stdout, stderr };
  }

  /** Runs the real command (`npm run spec:diff` runs the same file with tsx) in this repository. */
  async specDiff(...args: string[]): Promise<CommandResult> {
    try {
      const { INIT_CWD: _initCwd, npm_lifecycle_event: _script, ...env } = process.env;
      const { stdout, stderr } = await run(process.execPath, [tsxCli, cliPath, ...args], { cwd: this.dir, env });
      return { exitCode: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code?: number; stdout?: string; stderr?: string };
      if (typeof failure.code !== 'number') throw error;
      return { exitCode: failure.code, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
    }
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
