// Issue 18's spec edits, served: the mock runs on a copy of the bundled spec where the pageSize
// maximum is 200, the subtask status enum has `cancelled` and the subtask query has `deviceType`,
// with the constraints table (what the spec package's build would generate from it) changed the
// same way in memory. With no edit to the mock, it answers pageSize 150, refuses 201 the
// platform's way, and takes the new status and parameter.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValueConstraint } from '@iodm-northbound/spec/constraints';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockServer } from '../src/index.js';
import { bundledSpecPath } from '../src/spec-path.js';
import { getSubtasks } from './support.js';

type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
type Table = Record<string, Writable<{ parameters: Record<string, { in: string; required: boolean; schema: ValueConstraint }> }>>;

const NEW_PAGE_SIZE_MAXIMUM = 200;
const SUBTASKS = '/iodm/northbound/v1.5.0/operations/{operationId}/subOperations';

async function changedSpec(directory: string): Promise<string> {
  const spec = JSON.parse(await readFile(bundledSpecPath(), 'utf8'));
  spec.components.parameters.pageSize.schema.maximum = NEW_PAGE_SIZE_MAXIMUM;
  spec.components.schemas.SubOperationStatus.enum.push('cancelled');
  spec.paths[SUBTASKS].get.parameters.push({ name: 'deviceType', in: 'query', required: false, schema: { type: 'string', maxLength: 64 } });
  const path = join(directory, 'openapi.json');
  await writeFile(path, JSON.stringify(spec));
  return path;
}

function changeTable(table: Table): void {
  for (const operation of Object.values(table)) {
    const pageSize = operation.parameters.pageSize;
    if (pageSize?.in === 'query') pageSize.schema.maximum = NEW_PAGE_SIZE_MAXIMUM;
  }
  const subtasks = table.queryUpgradeSubTask!.parameters;
  subtasks.subOperationStatus!.schema.enum = [...(subtasks.subOperationStatus!.schema.enum ?? []), 'cancelled'];
  subtasks.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: 64 } };
}

let directory: string;
let table: Table;
let saved: Table;
let mock: MockServer;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'mock-spec-change-'));
  const specPath = await changedSpec(directory);
  // Test files share one module graph (vitest.config.ts) and the mock caches the spec it loaded:
  // this mock is started from fresh modules that read the changed copy.
  vi.resetModules();
  vi.doMock('../src/spec-path.js', () => ({ bundledSpecPath: () => specPath }));
  const constraints = await import('@iodm-northbound/spec/constraints');
  table = constraints.operationConstraints as unknown as Table;
  saved = structuredClone(table);
  changeTable(table);
  const { startMockServer } = await import('../src/index.js');
  mock = await startMockServer();
});

afterAll(async () => {
  await mock?.close();
  if (saved) for (const [operationId, operation] of Object.entries(saved)) table[operationId]!.parameters = operation.parameters;
  vi.doUnmock('../src/spec-path.js');
  vi.resetModules();
  await rm(directory, { recursive: true, force: true });
});

describe('the mock on a spec whose subtask query changed (issue 18)', () => {
  it.each(['paged-300', 'campaign-300'])('answers pageSize 150 on %s', async (taskId) => {
    const answer = await getSubtasks(mock.url, taskId, '?pageSize=150');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ pageNo: 0, pageSize: 150, totalCount: 300 });
    expect((answer.body as { data: unknown[] }).data).toHaveLength(150);
  });

  it('refuses pageSize 201 the platform way: 400/123029', async () => {
    const answer = await getSubtasks(mock.url, 'paged-300', '?pageSize=201');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error_code: '123029' });
  });

  it.each(['paged-300', 'campaign-300'])('takes the new status cancelled as a filter on %s (no subtask has it)', async (taskId) => {
    const answer = await getSubtasks(mock.url, taskId, '?subOperationStatus=cancelled');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ totalCount: 0, data: [] });
  });

  it('takes the new deviceType parameter, and refuses it beyond its maxLength as a bad request', async () => {
    expect((await getSubtasks(mock.url, 'paged-300', '?deviceType=Meter&pageSize=5')).status).toBe(200);
    const tooLong = await getSubtasks(mock.url, 'paged-300', `?deviceType=${'x'.repeat(65)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ error_code: '120015' });
  });
});
