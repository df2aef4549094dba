// Adds up the vitest JSON reports of every workspace package that has a test script and prints
// "N passed, N failed" as the last line. A package whose report is missing (its build or test run
// crashed before vitest wrote one) counts as one failure, so a broken package never reads as green.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rootManifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

async function workspaceDirs() {
  const dirs = [];
  for (const pattern of rootManifest.workspaces) {
    const parent = pattern.replace(/\/\*$/, '');
    for (const entry of await readdir(join(root, parent), { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(join(parent, entry.name));
    }
  }
  return dirs.sort();
}

let passed = 0;
let failed = 0;
for (const dir of await workspaceDirs()) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
  } catch {
    continue;
  }
  if (!manifest.scripts?.test) continue;
  try {
    const report = JSON.parse(await readFile(join(root, dir, '.test-results', 'vitest.json'), 'utf8'));
    // A file that failed to load has no test results of its own; count it as a failure.
    const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
    const p = report.numPassedTests;
    const f = report.numFailedTests + brokenFiles;
    console.log(`${dir}: ${p} passed, ${f} failed${report.numPendingTests ? `, ${report.numPendingTests} skipped` : ''}`);
    passed += p;
    failed += f;
  } catch {
    console.log(`${dir}: no test report (its build or test run did not finish)`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
