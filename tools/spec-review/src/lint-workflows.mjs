// `npm run lint` of the workflow files: every .github/workflows/*.yml through action-validator
// (the GitHub Actions workflow schema, WebAssembly, offline), in this process. Exit 1 on any finding.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';

const workflowsDir = fileURLToPath(new URL('../../../.github/workflows', import.meta.url));

/** Validates one workflow file; returns the validator's findings as its CLI prints them (empty when valid). */
export async function lintWorkflow(path) {
  const result = validateWorkflow(await readFile(path, 'utf8'));
  return result.errors.length > 0 ? JSON.stringify(result, null, 2) : '';
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
