// Issue 18's spec edits, served: the mock runs on a copy of the bundled spec where the pageSize
// maximum is 200, the subtask status enum has `cancelled` and the subtask query has `deviceType`,
// with the constraints table (what the spec package's build would generate from it) changed the
// same way in memory, while that mock starts and for the time of each test (withTableEdits). With no edit to the mock, it
// answers pageSize 150, refuses 201 the platform's way, and takes the new status and parameter,
// holding the parameter to its own limit; the mock on the unchanged spec does not read it at all.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { bundledSpecPath } from '../src/spec-path.js';
import { getSubtasks } from './support.js';
import { type EditableTable, withTableEdits } from './table-edits.js';

const NEW_PAGE_SIZE_MAXIMUM = 200;
const DEVICE_TYPE_MAX_LENGTH = 64;
const SUBTASKS = '/iodm/northbound/v1.5.0/operations/{operationId}/subOperations';

async function changedSpec(directory: string): Promise<string> {
  const spec = JSON.parse(await readFile(bundledSpecPath(), 'utf8'));
  spec.components.parameters.pageSize.schema.maximum = NEW_PAGE_SIZE_MAXIMUM;
  spec.components.schemas.SubOperationStatus.enum.push('cancelled');
  spec.paths[SUBTASKS].get.parameters.push({ name: 'deviceType', in: 'query', required: false, schema: { type: 'string', maxLength: DEVICE_TYPE_MAX_LENGTH } });
  const path = join(directory, 'openapi.json');
  await writeFile(path, JSON.stringify(spec));
  return path;
}

function changeTable(table: EditableTable): void {
  for (const operation of Object.values(table)) {
    const pageSize = operation.parameters.pageSize;
    if (pageSize?.in === 'query') pageSize.schema.maximum = NEW_PAGE_SIZE_MAXIMUM;
  }
  const subtasks = table.queryUpgradeSubTask!.parameters;
  subtasks.subOperationStatus!.schema.enum = [...(subtasks.subOperationStatus!.schema.enum ?? []), 'cancelled'];
  subtasks.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: DEVICE_TYPE_MAX_LENGTH } };
}

let directory: string;
/** The table the changed mock's modules read (imported afresh, with them). */
let table: object;
let changed: MockServer;
let unchanged: MockServer;

/** Runs `run` against the changed mock with its table changed as the spec is. */
const onChangedSpec = <T>(run: (url: string) => Promise<T>): Promise<T> => withTableEdits(changeTable, () => run(changed.url), table);

beforeAll(async () => {
  // Started from the modules every other file uses, before any of them is replaced.
  unchanged = await startMockServer();
  directory = await mkdtemp(join(tmpdir(), 'mock-spec-change-'));
  const specPath = await changedSpec(directory);
  // Test files share one module graph (vitest.config.ts) and the mock caches the spec it loaded:
  // this mock is started from fresh modules that read the changed copy.
  vi.resetModules();
  vi.doMock('../src/spec-path.js', () => ({ bundledSpecPath: () => specPath }));
  table = (await import('@iodm-northbound/spec/constraints')).operationConstraints;
  const fresh = await import('../src/index.js');
  // The mock reads the table when it starts (its simulator's query checks), as the built spec package's would be.
  changed = await withTableEdits(changeTable, () => fresh.startMockServer(), table);
});

afterAll(async () => {
  await changed?.close();
  await unchanged?.close();
  vi.doUnmock('../src/spec-path.js');
  vi.resetModules();
  await rm(directory, { recursive: true, force: true });
});

describe('the mock on a spec whose subtask query changed (issue 18)', () => {
  it.each(['paged-300', 'campaign-300'])('answers pageSize 150 on %s', async (taskId) => {
    const answer = await onChangedSpec((url) => getSubtasks(url, taskId, '?pageSize=150'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ pageNo: 0, pageSize: 150, totalCount: 300 });
    expect((answer.body as { data: unknown[] }).data).toHaveLength(150);
  });

  it('refuses pageSize 201 the platform way: 400/123029', async () => {
    const answer = await onChangedSpec((url) => getSubtasks(url, 'paged-300', '?pageSize=201'));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error_code: '123029' });
  });

  it.each(['paged-300', 'campaign-300'])('takes the new status cancelled as a filter on %s (no subtask has it)', async (taskId) => {
    const answer = await onChangedSpec((url) => getSubtasks(url, taskId, '?subOperationStatus=cancelled'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ totalCount: 0, data: [] });
  });

  it.each(['paged-300', 'campaign-300'])('reads the new deviceType parameter on %s: its maxLength passes, one more and the empty value are bad requests', async (taskId) => {
    const [atLimit, tooLong, empty] = await onChangedSpec((url) =>
      Promise.all([
        getSubtasks(url, taskId, `?deviceType=${'x'.repeat(DEVICE_TYPE_MAX_LENGTH)}&pageSize=5`),
        getSubtasks(url, taskId, `?deviceType=${'x'.repeat(DEVICE_TYPE_MAX_LENGTH + 1)}`),
        getSubtasks(url, taskId, '?deviceType='),
      ]),
    );
    expect(atLimit.status).toBe(200);
    expect(atLimit.body).toMatchObject({ pageSize: 5, totalCount: 300 });
    for (const refused of [tooLong, empty]) {
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error_code: '120015' });
    }
    // Prism names the parameter in lower case.
    expect(tooLong.headers.get('x-mock-reason')).toMatch(/^invalid: .*devicetype/i);
    expect(empty.headers.get('x-mock-reason')).toBe('invalid: the query parameter deviceType is empty');
  });
});

describe('the mock on the unchanged spec (what the edits above change)', () => {
  it.each(['paged-300', 'campaign-300'])('does not read deviceType on %s: a value of any length or none passes unread', async (taskId) => {
    for (const query of [`?deviceType=${'x'.repeat(DEVICE_TYPE_MAX_LENGTH + 1)}&pageSize=5`, '?deviceType=&pageSize=5']) {
      const answer = await getSubtasks(unchanged.url, taskId, query);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ pageSize: 5, totalCount: 300 });
    }
  });

  it('refuses pageSize 150 and the status cancelled', async () => {
    expect((await getSubtasks(unchanged.url, 'paged-300', '?pageSize=150')).body).toMatchObject({ error_code: '123029' });
    expect((await getSubtasks(unchanged.url, 'paged-300', '?subOperationStatus=cancelled')).body).toMatchObject({ error_code: '120015' });
  });
});
