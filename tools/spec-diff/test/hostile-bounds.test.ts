// Hostile specs that cost an unbounded reader minutes and gigabytes end with a clear exit: an alias
// bomb is refused while parsing, openapi-diff is cut at its time limit (the report says so and
// the gate's own verdict stands), a DAG of shared schemas costs the gate's walk its nodes, not its
// paths. Sizes are fixed and small; the figures (time, memory) are measured outside the tests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compareDocuments } from '../src/compare/index.js';
import { runSpecDiff } from '../src/gate.js';
import { bundleSpec } from '../src/sources.js';
import { baseSpec, HostileRepo } from './hostile-repo.js';
import { aliasBomb, catastrophicPattern, chain, propertyDag } from './hostile-specs.js';

let repo: HostileRepo;
beforeAll(async () => {
  repo = await HostileRepo.create();
});
beforeEach(async () => {
  await repo.reset();
});
afterAll(async () => {
  await repo?.remove();
});

async function writeAll(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) await repo.writeFile(`openapi/${path}`, text);
}

/** A hang guard, not a timing: each case takes a few seconds. */
const hangGuard = 60_000;

describe('bounded work on hostile specs', () => {
  it('a YAML alias bomb, at the root, inside a schema or as mappings in an example, is refused while parsing (exit 3)', async () => {
    await repo.writeFile('openapi/openapi.yaml', `${baseSpec}x-bomb:\n${aliasBomb(9, '  ')}`);
    const atRoot = await repo.pullRequestGate();
    expect(atRoot.exitCode).toBe(3);
    expect(atRoot.stderr).toMatch(/"openapi\.yaml" cannot be parsed: its YAML aliases expand it past 200000 nodes/);
    await repo.reset();
    await repo.writeFile('openapi/pet.yaml', `type: object\nproperties:\n  name:\n    type: string\n    x-bomb:\n${aliasBomb(9, '      ')}`);
    const inSchema = await repo.pullRequestGate();
    expect(inSchema.exitCode).toBe(3);
    expect(inSchema.stderr).toMatch(/"pet\.yaml" cannot be parsed: its YAML aliases expand it past 200000 nodes/);
    await repo.reset();
    await repo.writeFile('openapi/pet.yaml', `type: object\nexample:\n${aliasBomb(9, '  ', 'mapping')}`);
    const asMappings = await repo.pullRequestGate();
    expect(asMappings.exitCode).toBe(3);
    expect(asMappings.stderr).toMatch(/"pet\.yaml" cannot be parsed: its YAML aliases expand it past 200000 nodes/);
  }, hangGuard);

  it('openapi-diff cut at its time limit on a DAG of five files: the report says so, the gate decides', async () => {
    await writeAll(propertyDag(5));
    const result = await runSpecDiff({ cwd: repo.dir, base: 'main', secondOpinionLimits: { timeoutMs: 500, heapMb: 512 } });
    expect(result.notes).toEqual(['openapi-diff was cut short (it did not finish within 0.5 s); the field-level checks alone decided.']);
    expect(result.exitCode).toBe(1); // `name` gone from the response: breaking without a major bump
    expect(result.markdown).toContain('- openapi-diff was cut short');
  }, hangGuard);

  it('a change under a DAG of 14 shared schemas is compared once per place, not once per path', async () => {
    // The gate's own walk, in process: two bundles of the same DAG, its leaf changed in one.
    const dag = propertyDag(14);
    await writeAll(dag);
    const before = await bundleSpec(join(repo.dir, 'openapi', 'openapi.yaml'), 'before');
    await repo.writeFile('openapi/n13.yaml', (dag['n13.yaml'] as string).replaceAll('type: string', 'type: integer'));
    const after = await bundleSpec(join(repo.dir, 'openapi', 'openapi.yaml'), 'after');
    // 2^13 paths lead to the leaf's two fields; the walk reports each under the first path.
    const subjects = compareDocuments(before, after)
      .filter((finding) => finding.rule === 'type-changed')
      .map((finding) => finding.subject);
    expect(subjects).toEqual([`\`${'a.'.repeat(13)}a\``, `\`${'a.'.repeat(13)}b\``]);
  }, hangGuard);

  it('a chain of 400 files ends with a verdict', async () => {
    await writeAll(chain(400));
    const result = await runSpecDiff({ cwd: repo.dir, base: 'main', secondOpinionLimits: { timeoutMs: 300, heapMb: 512 } });
    expect(result.exitCode).toBe(1);
  }, hangGuard);

  it('a catastrophic pattern with an example that sets it off ends with a verdict', async () => {
    await writeAll(catastrophicPattern);
    const result = await runSpecDiff({ cwd: repo.dir, base: 'main', secondOpinionLimits: { timeoutMs: 300, heapMb: 512 } });
    expect(result.exitCode).toBe(2); // a response pattern added is not breaking; [Unreleased] gained no line
    expect(result.markdown).toContain('**Pattern added**');
  }, hangGuard);
});
