// The review's "Consumers" section (issue #22): the registered pacts in consumers/ checked against
// the changed spec. A broken pact names its team, interaction and field and fails the gate even
// where the rules pass; a rules-breaking change no pact relies on says it affects no registered consumer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRegisteredPacts } from '@iodm-northbound/consumer-contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { judge } from '../src/judge.js';
import { renderReport } from '../src/report.js';
import { SpecRepo } from './spec-repo.js';

const bundled = fileURLToPath(new URL('../../../packages/spec/dist/openapi.json', import.meta.url));
const bundledSpec = JSON.parse(readFileSync(bundled, 'utf8'));
const consumers = loadRegisteredPacts();
const changelogFor = (version: string) => `# Changelog\n\n## [${version}] - 2026-12-05\n\n- Changed.\n`;
const SUBTASKS = 'GET /iodm/northbound/v1.5.0/operations/{operationId}/subOperations';

/**
 * The bundled spec against an edited copy with `info.version` raised (`major` lets the rules'
 * breaking changes through); `rulesAlone` judges the pair without consumers, only when a test asks.
 */
async function review(edit: (document: any) => void, bump: 'minor' | 'major' = 'minor') {
  const before = structuredClone(bundledSpec);
  const after = structuredClone(bundledSpec);
  edit(after);
  const [major = 0, minor = 0] = String(before.info.version).split('.').map(Number);
  after.info.version = bump === 'major' ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
  const input = { before, after, changelog: changelogFor(after.info.version), baseChangelog: undefined, changelogPath: 'CHANGELOG.md' };
  const withConsumers = await judge({ ...input, consumers });
  const markdown = renderReport({ ...withConsumers, base: 'main', commit: '0'.repeat(40), specPath: 'openapi/openapi.yaml', changelogPath: 'CHANGELOG.md' });
  return { withConsumers, rulesAlone: () => judge(input), markdown };
}

const brokenConsumers = (result: Awaited<ReturnType<typeof review>>) =>
  result.withConsumers.consumers?.checks.filter((check) => check.problems.length > 0).map((check) => check.consumer);

describe('the registered consumers in the spec review', () => {
  it('removing detailInfo names fleet-dashboard, its interaction and the field', async () => {
    const result = await review((d) => delete d.components.schemas.SubOperationInfo.properties.detailInfo);
    expect(brokenConsumers(result)).toContain('fleet-dashboard');
    const problems = result.withConsumers.consumers?.checks.find((check) => check.consumer === 'fleet-dashboard')?.problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ interaction: 'a request for the failed subtasks of a task', field: 'response.body.data.0.detailInfo', operation: SUBTASKS }),
    );
    expect(result.withConsumers.exitCode).toBe(1);
    expect(result.markdown).toMatch(/### Consumers \(\d+ registered\)/);
    expect(result.markdown).toMatch(/❌ `fleet-dashboard`: broken\n {2}- interaction `a request for the failed subtasks of a task`: `response\.body\.data\.0\.detailInfo`/);
    expect(result.markdown).toMatch(/breaks registered consumers: .*`fleet-dashboard`/);
  });

  it('removing a field no pact reads is breaking by the rules and affects no registered consumer', async () => {
    const result = await review((d) => delete d.components.schemas.SubOperationInfo.properties.extendInfo);
    const rulesAlone = await result.rulesAlone();
    expect(rulesAlone.findings.some((finding) => finding.severity === 'breaking' && finding.subject.includes('extendInfo'))).toBe(true);
    expect(brokenConsumers(result)).toEqual([]);
    expect(result.withConsumers.consumers?.unaffected.map((finding) => finding.subject).join(' ')).toMatch(/extendInfo/);
    expect(result.markdown).toMatch(/extendInfo.*affects no registered consumer/);
    expect(result.withConsumers.exitCode).toBe(rulesAlone.exitCode);
  });

  it('narrowing the status enum the pact filters on fails the review where the rules alone pass (a major bump)', async () => {
    const result = await review((d) => {
      d.components.schemas.SubOperationStatus.enum = ['wait', 'processing', 'success', 'stop'];
    }, 'major');
    expect((await result.rulesAlone()).exitCode).toBe(0);
    expect(brokenConsumers(result)).toContain('fleet-dashboard');
    const fields = result.withConsumers.consumers?.checks.find((check) => check.consumer === 'fleet-dashboard')?.problems.map((problem) => problem.field);
    expect(fields).toContain('request.query.subOperationStatus');
    expect(result.withConsumers.exitCode).toBe(1);
  });

  it('narrowing only the answered status values (safe by the rules) still fails: the pact reads status fail', async () => {
    const result = await review((d) => {
      d.components.schemas.SubOperationInfo.properties.status = { type: 'string', enum: ['wait', 'processing', 'success', 'stop'] };
    });
    const rulesAlone = await result.rulesAlone();
    expect(rulesAlone.findings.filter((finding) => finding.severity === 'breaking')).toEqual([]);
    expect(rulesAlone.exitCode).toBe(0);
    expect(brokenConsumers(result)).toContain('fleet-dashboard');
    expect(result.withConsumers.exitCode).toBe(1);
  });

  it('an unchanged spec breaks no consumer', async () => {
    const result = await review(() => {});
    expect(brokenConsumers(result)).toEqual([]);
    expect(result.withConsumers.exitCode).toBe(0);
  });
});

describe('the gate reads the pull request\'s consumers/', () => {
  let repo: SpecRepo | undefined;
  afterAll(async () => {
    await repo?.remove();
  });

  it('a pull request removing detailInfo fails even with a major bump, naming fleet-dashboard in the report', async () => {
    repo = await SpecRepo.create();
    const fleet = consumers.find((entry) => entry.consumer === 'fleet-dashboard');
    await repo.writeFile('consumers/fleet-dashboard.json', readFileSync(fleet?.file ?? '', 'utf8'));
    await repo.editYaml('openapi/components/schemas/SubOperationInfo.yaml', (schema) => {
      delete schema.properties.detailInfo;
    });
    await repo.release('2.0.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/### Consumers \(1 registered\)\n\n- ❌ `fleet-dashboard`: broken\n {2}- interaction `a request for the failed subtasks of a task`: `response\.body\.data\.0\.detailInfo`/);
  });
});
