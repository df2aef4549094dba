// A scratch clone of the repository in a temporary folder: the files git knows or would add
// (uncommitted work included; build output and installed packages left out), and node_modules
// linked as link-plan.ts plans it, so no `npm install` runs.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readlink, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { isCopied, planNodeModules, WORKSPACE_SCOPE, type NodeModulesEntry, type NodeModulesFolder } from './link-plan.js';

const run = promisify(execFile);

export interface ScratchClone {
  readonly dir: string;
  /** Removes the folder; safe to call twice. */
  dispose(): Promise<void>;
}

/** Tracked and untracked-but-not-ignored files, relative with `/`; a tracked file deleted in the work tree is left out. */
async function repositoryFiles(repoRoot: string): Promise<string[]> {
  const { stdout } = await run('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\0').filter((file) => file !== '' && isCopied(file) && existsSync(join(repoRoot, file)));
}

async function entriesOf(folder: string): Promise<NodeModulesEntry[]> {
  const entries: NodeModulesEntry[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name === WORKSPACE_SCOPE && entry.isDirectory()) {
      for (const inner of await readdir(join(folder, entry.name), { withFileTypes: true })) {
        const name = `${WORKSPACE_SCOPE}/${inner.name}`;
        entries.push(inner.isSymbolicLink() ? { name, symlink: await readlink(join(folder, name)) } : { name });
      }
    } else {
      entries.push(entry.isSymbolicLink() ? { name: entry.name, symlink: await readlink(join(folder, entry.name)) } : { name: entry.name });
    }
  }
  return entries;
}

/** The root's node_modules and those of the workspaces (the folders holding a package.json). */
async function nodeModulesFolders(repoRoot: string, files: readonly string[]): Promise<NodeModulesFolder[]> {
  const packageDirs = files.filter((file) => posix.basename(file) === 'package.json').map((file) => posix.dirname(file));
  const dirs = packageDirs.map((dir) => (dir === '.' ? 'node_modules' : `${dir}/node_modules`)).filter((dir) => existsSync(join(repoRoot, dir)));
  return Promise.all(dirs.map(async (dir) => ({ dir, entries: await entriesOf(join(repoRoot, dir)) })));
}

export async function createScratchClone(repoRoot: string): Promise<ScratchClone> {
  const dir = await mkdtemp(join(tmpdir(), 'iodm-spec-change-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const files = await repositoryFiles(repoRoot);
    const made = new Set<string>();
    for (const file of files) {
      const parent = dirname(join(dir, file));
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true });
        made.add(parent);
      }
      await copyFile(join(repoRoot, file), join(dir, file));
    }
    for (const step of planNodeModules(repoRoot, dir, await nodeModulesFolders(repoRoot, files))) {
      if (step.kind === 'mkdir') await mkdir(step.path, { recursive: true });
      else await symlink(step.target, step.path);
    }
    return { dir, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
