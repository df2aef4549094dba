// `npm run lint` of the workflow files: every .github/workflows/*.yml through action-validator
// (the GitHub Actions workflow schema, offline). Exit 1 on any finding.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workflowsDir = fileURLToPath(new URL('../../../.github/workflows', import.meta.url));
const validator = join(createRequire(import.meta.url).resolve('@action-validator/cli/package.json'), '..', 'cli.mjs');

/** Validates one workflow file; returns the validator's findings (empty when valid). */
export function lintWorkflow(path) {
  return new Promise((resolve) => {
    execFile(process.execPath, [validator, path], (error, stdout, stderr) => resolve(error ? `${stdout}${stderr}`.trim() || error.message : ''));
  });
}

export async function lintWorkflows(dir = workflowsDir) {
  const files = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(files.map(async (name) => ({ name, findings: await lintWorkflow(join(dir, name)) })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await lintWorkflows();
  for (const { name, findings } of results) console.log(findings ? `FAIL ${name}\n${findings}` : `ok   ${name}`);
  process.exitCode = results.length === 0 || results.some(({ findings }) => findings) ? 1 : 0;
}
