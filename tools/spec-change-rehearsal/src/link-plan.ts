// How a scratch clone gets its node_modules without `npm install`: the repository's installed
// packages are linked in, but the workspace packages must be the scratch's own (a spec change
// built there must not be read from the repository's packages/). Pure: the scratch-clone module
// reads the repository and carries the plan out.
import { isAbsolute, join, relative, resolve } from 'node:path';

/** The scope npm links this repository's workspaces under. */
export const WORKSPACE_SCOPE = '@iodm-northbound';

/** One entry of a node_modules folder: a name (`x`, `@scope`, or `@iodm-northbound/x` inside the workspace scope) and, for a symlink, what it reads. */
export interface NodeModulesEntry {
  name: string;
  symlink?: string;
}

/** A node_modules folder of the repository (`node_modules`, `packages/cli/node_modules`...), relative to its root. */
export interface NodeModulesFolder {
  dir: string;
  entries: readonly NodeModulesEntry[];
}

export type LinkStep = { kind: 'mkdir'; path: string } | { kind: 'symlink'; path: string; target: string };

/** Whether `path` is `root` or inside it. */
function isInside(root: string, path: string): boolean {
  const between = relative(root, path);
  return between === '' || (!between.startsWith('..') && !isAbsolute(between));
}

const holdsWorkspaceLinks = (folder: NodeModulesFolder) => folder.entries.some((entry) => entry.name.startsWith(`${WORKSPACE_SCOPE}/`));

/**
 * The steps (paths absolute, in order) that give `scratchRoot` the node_modules of `repoRoot`:
 * - a folder with no workspace links is one symlink to the repository's folder;
 * - a folder with workspace links is a real folder: each workspace link that stays inside the
 *   repository is made again with the same relative target (so it names the scratch's own
 *   workspace), every other entry is a symlink to the repository's entry.
 */
export function planNodeModules(repoRoot: string, scratchRoot: string, folders: readonly NodeModulesFolder[]): LinkStep[] {
  const steps: LinkStep[] = [];
  for (const folder of folders) {
    const original = join(repoRoot, folder.dir);
    const copy = join(scratchRoot, folder.dir);
    if (!holdsWorkspaceLinks(folder)) {
      steps.push({ kind: 'symlink', path: copy, target: original });
      continue;
    }
    steps.push({ kind: 'mkdir', path: copy }, { kind: 'mkdir', path: join(copy, WORKSPACE_SCOPE) });
    for (const entry of folder.entries) {
      const path = join(copy, ...entry.name.split('/'));
      const inScope = entry.name.startsWith(`${WORKSPACE_SCOPE}/`);
      const linkedTo = entry.symlink === undefined ? undefined : resolve(original, entry.name, '..', entry.symlink);
      if (inScope && entry.symlink !== undefined && !isAbsolute(entry.symlink) && linkedTo !== undefined && isInside(repoRoot, linkedTo)) {
        steps.push({ kind: 'symlink', path, target: entry.symlink });
      } else {
        steps.push({ kind: 'symlink', path, target: join(original, ...entry.name.split('/')) });
      }
    }
  }
  return steps;
}

/** Whether a repository file (relative, `/`-separated) belongs in the scratch clone: build output and installed packages do not. */
export function isCopied(file: string): boolean {
  const parts = file.split(/[\\/]/);
  return !parts.includes('node_modules') && !parts.includes('dist');
}
