// Real before/after spec pairs in a throwaway git repository and the gate's verdict. The base is
// always our real spec at commit `main`; each test edits the working tree the way a pull request
// would. The gate and the command's code run in this process; one test runs the real command
// (tsx, a child process, what `npm run spec:diff` runs) end to end, for its arguments, stdout,
// `--output` and exit code.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SpecRepo } from './spec-repo.js';

const subtasks = '`GET /iodm/northbound/v1.5.0/operations/{operationId}/subOperations`';
const oneTask = '`GET /iodm/northbound/v1.5.0/operations/{operationId}`';
// One repository for the whole file, reset to the base commit before each test: creating one
// (copy, init, commit) costs more than the gate itself.
let repo: SpecRepo;
beforeAll(async () => {
  repo = await SpecRepo.create();
});
beforeEach(async () => {
  await repo.reset();
});
afterAll(async () => {
  await repo?.remove();
});

/** The lines of one section of the report ("### Breaking changes (N)" up to the next heading). */
function section(report: string, heading: string): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`### ${heading}`));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.startsWith('### '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.startsWith('- '));
}

describe('spec:diff on real before/after pairs', () => {
  it('fails (exit 1) on a removed response field and names the field', async () => {
    await repo.editYaml('openapi/components/schemas/SubOperationInfo.yaml', (schema) => {
      delete schema.properties.detailInfo;
    });
    await repo.release('1.1.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(1);
    expect(stdout).toContain('**Verdict: ❌ fail**');
    const breaking = section(stdout, 'Breaking changes');
    expect(breaking).toHaveLength(1);
    expect(breaking[0]).toContain('**Response field removed** `data[].detailInfo`');
    expect(breaking[0]).toContain(`${subtasks}, response 200 (\`application/json\`)`);
    // openapi-diff saw the body change too; its generic line is folded into the named one.
    expect(breaking[0]).toContain('openapi-diff agrees');
  });

  it('lets the same removal through with a major bump, still listing it as breaking', async () => {
    await repo.editYaml('openapi/components/schemas/SubOperationInfo.yaml', (schema) => {
      delete schema.properties.detailInfo;
    });
    await repo.release('2.0.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('**Verdict: ✅ pass**');
    expect(section(stdout, 'Breaking changes').join('\n')).toContain('`data[].detailInfo`');
    expect(stdout).toContain('1.0.0 → 2.0.0 (major bump)');
  });

  it('fails on a new required query parameter', async () => {
    await repo.editYaml('openapi/paths/iodm_operations_subOperations.yaml', (pathItem) => {
      pathItem.get.parameters.push({
        name: 'deviceType',
        in: 'query',
        required: true,
        description: 'Device type.',
        schema: { type: 'string' },
      });
    });
    await repo.release('1.1.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(1);
    expect(section(stdout, 'Breaking changes')).toEqual([
      `- **Required parameter added** \`deviceType\` — ${subtasks}, query parameter: existing clients do not send it`,
    ]);
  });

  it('fails on a narrowed enum: breaking for the query filter, harmless for the response', async () => {
    await repo.editYaml('openapi/components/schemas/SubOperationStatus.yaml', (schema) => {
      schema.enum = schema.enum.filter((value: string) => value !== 'stop');
    });
    await repo.release('1.1.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(1);
    const breaking = section(stdout, 'Breaking changes');
    expect(breaking).toHaveLength(1);
    expect(breaking[0]).toMatch(/\*\*Enum narrowed\*\* `subOperationStatus` — .*query parameter: no longer allowed: `stop`/);
    expect(section(stdout, 'Non-breaking changes').join('\n')).toMatch(
      /\*\*Enum narrowed\*\* `data\[\]\.status` — .*response 200 .*no longer sent: `stop`/
    );
  });

  it('passes a new optional response field', async () => {
    await repo.editYaml('openapi/components/schemas/SubOperationInfo.yaml', (schema) => {
      schema.properties.progress = { type: 'integer', minimum: 0, maximum: 100, description: 'Upgrade progress in percent.' };
    });
    await repo.release('1.1.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(0);
    expect(section(stdout, 'Breaking changes')).toEqual([]);
    expect(section(stdout, 'Non-breaking changes')).toEqual([
      `- **Response field added** \`data[].progress\` — ${subtasks}, response 200 (\`application/json\`): ` +
        'optional _(openapi-diff agrees)_',
    ]);
    expect(section(stdout, 'Unclassified changes')).toEqual([]);
  });

  it('passes a new error example', async () => {
    await repo.writeFile(
      'openapi/components/examples/TaskDeleted.yaml',
      'summary: The task was deleted meanwhile\nvalue:\n  error_code: "123009"\n  error_desc: The requested task does not exist.\n'
    );
    await repo.editYaml('openapi/components/responses/TaskNotFound.yaml', (response) => {
      response.content['application/json'].examples.TaskDeleted = { $ref: '../examples/TaskDeleted.yaml' };
    });
    await repo.editYaml('openapi/openapi.yaml', (document) => {
      document.components.examples.TaskDeleted = { $ref: './components/examples/TaskDeleted.yaml' };
    });
    await repo.release('1.0.1');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(0);
    expect(section(stdout, 'Breaking changes')).toEqual([]);
    expect(section(stdout, 'Non-breaking changes')).toEqual([
      // TaskNotFound is shared by the one-task query and the subtask query: one line names both.
      `- **Example added** \`TaskDeleted\` — ${oneTask}, response 404 (\`application/json\`); ` +
        `${subtasks}, response 404 (\`application/json\`): documentation only`,
    ]);
    expect(section(stdout, 'Unclassified changes')).toEqual([]);
  });

  it('a removed response status breaks, and openapi-diff agrees', async () => {
    await repo.editYaml('openapi/paths/iodm_operations_subOperations.yaml', (pathItem) => {
      delete pathItem.get.responses['404'];
    });
    await repo.release('1.1.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(1);
    expect(section(stdout, 'Breaking changes')).toEqual([
      `- **Response status removed** status \`404\` — ${subtasks}: ` +
        'clients that handle it get a status they may not expect instead _(openapi-diff agrees)_',
    ]);
  });

  it('fails (exit 2) when the spec changed without a changelog entry for the new version', async () => {
    await repo.editYaml('openapi/components/schemas/SubOperationInfo.yaml', (schema) => {
      schema.properties.progress = { type: 'integer', description: 'Upgrade progress in percent.' };
    });
    // A version the real changelog has no entry for.
    await repo.setSpecVersion('1.9.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(2);
    expect(stdout).toContain('`openapi/CHANGELOG.md` has no entry for 1.9.0');
  });

  it('fails (exit 2) when the spec changed, info.version did not, and [Unreleased] gained no line', async () => {
    await repo.editYaml('openapi/paths/iodm_operations_subOperations.yaml', (pathItem) => {
      pathItem.get.summary = 'List the subtasks of an upgrade task';
    });
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(2);
    expect(stdout).toContain('`info.version` stayed 1.0.0: record it under `## [Unreleased]` in `openapi/CHANGELOG.md`');
    expect(section(stdout, 'Non-breaking changes').join('\n')).toContain('**Operation summary changed**');
  });

  it('passes a reformatted but equal spec without asking for a version', async () => {
    // Re-serializing drops comments and changes quoting: the bundled document stays the same.
    await repo.editYaml('openapi/components/schemas/SubOperationInfo.yaml', () => {});
    expect(await repo.git('status', '--porcelain')).not.toBe('');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('the bundled spec is the same as at `main`');
  });

  it('compares with any ref and writes the report to --output too', async () => {
    await repo.editYaml('openapi/components/schemas/SubOperationInfo.yaml', (schema) => {
      schema.required = schema.required.filter((name: string) => name !== 'deviceId');
    });
    await repo.release('1.1.0');
    await repo.commit('make deviceId optional');
    await repo.git('tag', 'v1.1.0');
    const { exitCode, stdout } = await repo.specDiff('--base', 'HEAD~1', '--output', 'report.md');
    expect(exitCode).toBe(1);
    expect(section(stdout, 'Breaking changes').join('\n')).toContain('**Response field became optional** `data[].deviceId`');
    expect(await readFile(join(repo.dir, 'report.md'), 'utf8')).toBe(stdout);
    expect((await repo.gate('v1.1.0')).exitCode).toBe(0);
  });

  it('stops with a typed error, before any verdict, on an unknown ref or a spec that does not bundle', async () => {
    await expect(repo.gate('no-such-branch')).rejects.toMatchObject({ name: 'SpecDiffInputError', code: 'UNKNOWN_REF' });
    await repo.editYaml('openapi/paths/iodm_operations_subOperations.yaml', (pathItem) => {
      pathItem.get.responses['404'] = { $ref: '../components/responses/NoSuchFile.yaml' };
    });
    await expect(repo.gate('main')).rejects.toMatchObject({
      code: 'SPEC_INVALID',
      message: expect.stringMatching(/openapi\/openapi\.yaml in the working tree: the spec cannot be bundled/),
    });
  });

  it('the command exits 3 with the reason on stderr and nothing on stdout when it cannot run', async () => {
    const unknownRef = await repo.command('--base', 'no-such-branch');
    expect(unknownRef.exitCode).toBe(3);
    expect(unknownRef.stderr).toContain('--base no-such-branch: no such commit');
    expect(unknownRef.stdout).toBe('');
  });

  it('the command exits 3 when --base is missing', async () => {
    const missingBase = await repo.command();
    expect(missingBase.exitCode).toBe(3);
    expect(missingBase.stderr).toContain('--base <git ref> is required');
  });
});
