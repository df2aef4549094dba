// Adds up the vitest JSON reports of every workspace package that has a test script and prints
// "N passed, N failed" as the last line. A package whose report is missing (its build or test run
// crashed before vitest wrote one) counts as one failure, so a broken package never reads as green.
// The lint gates have no vitest report: each lint task of the turbo run summary (`--summarize`)
// counts as one check, and a failed build counts as one failure.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
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

/** The tasks of every turbo run summary written since .ci/run emptied .turbo/runs (npm test, then test:release). */
async function turboTasks() {
  const runs = join(root, '.turbo', 'runs');
  const tasks = [];
  let names = [];
  try {
    names = (await readdir(runs)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return tasks;
  }
  for (const name of names) tasks.push(...(JSON.parse(await readFile(join(runs, name), 'utf8')).tasks ?? []));
  return tasks;
}

/** The start of a failure message, on one line, without terminal colours: enough to act on. */
function firstLines(message) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
  const plain = String(message).replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  return plain.slice(0, 3).join(' | ').slice(0, 400);
}

function firstFailure(file) {
  const test = file.assertionResults.find((each) => each.status === 'failed');
  if (!test) {
    // A hook inside a describe leaves neither a file message nor a failed test in the report.
    const skipped = file.assertionResults.filter((each) => each.status !== 'passed').length;
    return `a beforeAll/afterAll hook failed (${skipped} tests skipped); its error is in the package's output above`;
  }
  // vitest's JSON report carries no message for a test that ran out of time, only a stack.
  const seconds = typeof test.duration === 'number' ? ` after ${(test.duration / 1000).toFixed(1)} s` : '';
  return `${test.fullName} (failed${seconds}): ${test.failureMessages?.[0] ?? ''}`;
}

let passed = 0;
let failed = 0;
/** Failures counted from each report, by its label: a run that failed with none counted is one more. */
const failuresByLabel = new Map();

/** vitest exited non-zero although its report counts no failure (an error after a test ended). */
function exitedWithoutFailure(label, exitCode) {
  if (exitCode === undefined || exitCode === 0 || (failuresByLabel.get(label) ?? 0) > 0) return;
  console.log(`${label}: vitest exited ${exitCode} with no failed test in its report (an unhandled error?): counted as 1 failure`);
  failed += 1;
}
for (const dir of await workspaceDirs()) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
  } catch {
    continue;
  }
  const hasTests = Boolean(manifest.scripts?.test);
  const hasReleaseTests = Boolean(manifest.scripts?.['test:release']);
  if (!hasTests && !hasReleaseTests) continue;
  // vitest.json is the main run's; vitest-node<N>.json are the runs .ci/run repeats on other Node lines.
  const reports = await readdir(join(root, dir, '.test-results')).then(
    (names) => names.filter((name) => /^vitest(-release)?(-node\d+)?\.json$/.test(name)).sort(),
    () => [],
  );
  // A tier's report that is missing counts as a failure: its run crashed before vitest wrote it.
  if (hasReleaseTests && !reports.includes('vitest-release.json')) reports.unshift('vitest-release.json');
  if (hasTests && !reports.includes('vitest.json')) reports.unshift('vitest.json');
  for (const name of reports) {
    const label = name === 'vitest.json' ? dir : `${dir} (${name.slice('vitest-'.length, -'.json'.length)})`;
    try {
      const report = JSON.parse(await readFile(join(root, dir, '.test-results', name), 'utf8'));
      // A file that failed without a failing test (it did not load, or a beforeAll/afterAll hook
      // threw, which vitest reports as its tests skipped) counts as one failure, with its reason.
      const brokenFiles = report.testResults.filter(
        (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
      );
      const p = report.numPassedTests;
      const f = report.numFailedTests + brokenFiles.length;
      console.log(`${label}: ${p} passed, ${f} failed${report.numPendingTests ? `, ${report.numPendingTests} skipped` : ''}`);
      for (const file of report.testResults.filter((each) => each.status === 'failed')) {
        console.log(`  ${relative(join(root, dir), file.name)}: ${firstLines(file.message || firstFailure(file))}`);
      }
      passed += p;
      failed += f;
      failuresByLabel.set(label, f);
    } catch {
      console.log(`${label}: no test report (its build or test run did not finish)`);
      failed += 1;
      failuresByLabel.set(label, 1);
    }
    // .ci/other-node-lines writes the exit code of each run beside its report.
    const exitFile = join(root, dir, '.test-results', name.replace(/\.json$/, '.exit'));
    const exitText = await readFile(exitFile, 'utf8').catch(() => undefined);
    if (exitText !== undefined) exitedWithoutFailure(label, Number(exitText.trim()));
  }
}
for (const task of await turboTasks()) {
  const exitCode = task.execution?.exitCode;
  if (task.task === 'test' || task.task === 'test:release') {
    const label = task.task === 'test' ? task.directory : `${task.directory} (release)`;
    exitedWithoutFailure(label, exitCode); // its tests are counted from its vitest report above
    continue;
  }
  if (task.task === 'lint') {
    if (exitCode === 0) passed += 1;
    else failed += 1;
    console.log(`${task.directory}: lint ${exitCode === 0 ? 'passed' : 'failed'}`);
  } else if (exitCode !== undefined && exitCode !== 0) {
    failed += 1;
    console.log(`${task.directory}: ${task.task} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
