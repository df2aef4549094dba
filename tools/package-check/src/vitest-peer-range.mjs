// The vitest versions @iodm-northbound/contract-tests is tested with: both ends of its peer range.
// vitest 5 needs Node 22.12+, so on Node 20 the top of the range a consumer can have is vitest 4.
import semver from 'semver';

/** Oldest vitest the suite works with: 3.0 is the first with `TestProject` (global-setup.d.ts). */
export const LOWEST_VITEST = '3.0.0';
/** Newest vitest per Node major: the newest release the peer range allows that runs on it. */
export const HIGHEST_VITEST_BY_NODE_MAJOR = { 20: '4.1.12', 22: '5.1.1', 24: '5.1.1' };
/** @types/node of the scratch consumer: one every tested vitest accepts as its peer. */
export const CONSUMER_TYPES_NODE = '24.10.1';
export const CONSUMER_TYPESCRIPT = '5.9.3';

/** Both ends of the peer range that can run on this Node. */
export function vitestVersionsToTest(nodeVersion = process.versions.node) {
  const highest = HIGHEST_VITEST_BY_NODE_MAJOR[semver.major(nodeVersion)];
  if (highest === undefined) throw new Error(`Node ${nodeVersion} is not one of the tested lines (${Object.keys(HIGHEST_VITEST_BY_NODE_MAJOR).join(', ')})`);
  return [LOWEST_VITEST, highest];
}

/**
 * Whether a peer range is exactly what was tested: it starts at the lowest tested version and
 * allows nothing past the major of the highest.
 * @param {string} range
 */
export function peerRangeProblems(range) {
  const problems = [];
  if (!semver.validRange(range)) return [`"${range}" is not a semver range`];
  const lowest = semver.minVersion(range)?.version;
  if (lowest !== LOWEST_VITEST) problems.push(`the range starts at ${lowest}, but ${LOWEST_VITEST} is the lowest tested`);
  const highest = Object.values(HIGHEST_VITEST_BY_NODE_MAJOR).sort(semver.rcompare)[0];
  for (const version of Object.values(HIGHEST_VITEST_BY_NODE_MAJOR)) {
    if (!semver.satisfies(version, range)) problems.push(`tested vitest ${version} is outside "${range}"`);
  }
  const untested = `${semver.major(highest) + 1}.0.0`;
  if (semver.satisfies(untested, range)) problems.push(`"${range}" allows vitest ${untested}, which is not tested`);
  return problems;
}
