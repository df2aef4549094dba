// Issue 18's spec edits, served: the mock runs on a copy of the bundled spec where the pageSize
// maximum is 200, the subtask status enum has `cancelled` and the subtask query has `deviceType`,
// with the constraints table (what the spec package's build would generate from it) changed the
// same way in memory. With no edit to the mock, it answers pageSize 150, refuses 201 the
// platform's way, and takes the new status and parameter.
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { operationConstraints, type ValueConstraint } from '@iodm-northbound/spec/constraints';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { bundledSpecPath } from '../src/spec-path.js';
import { getSubtasks } from './support.js';

type Parameters_ = Record<string, { in: string; required: boolean; schema: ValueConstraint }>;
type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };

// Hoisted with vi.mock, which runs before the module's own top level.
const { NEW_PAGE_SIZE_MAXIMUM } = vi.hoisted(() => ({ NEW_PAGE_SIZE_MAXIMUM: 200 }));

vi.mock('../src/spec-path.js', async (importOriginal) => {
  const { bundledSpecPath } = await importOriginal<typeof import('../src/spec-path.js')>();
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const spec = JSON.parse(readFileSync(bundledSpecPath(), 'utf8'));
  const { parameters, schemas } = spec.components;
  parameters.pageSize.schema.maximum = NEW_PAGE_SIZE_MAXIMUM;
  schemas.SubOperationStatus.enum.push('cancelled');
  spec.paths['/iodm/northbound/v1.5.0/operations/{operationId}/subOperations'].get.parameters.push({
    name: 'deviceType',
    in: 'query',
    required: false,
    schema: { type: 'string', maxLength: 64 },
  });
  const changed = join(mkdtempSync(join(tmpdir(), 'mock-spec-change-')), 'openapi.json');
  writeFileSync(changed, JSON.stringify(spec));
  return { bundledSpecPath: () => changed };
});

const table = operationConstraints as unknown as Record<string, Writable<{ parameters: Parameters_ }>>;
const saved = structuredClone(table);
let mock: MockServer;

beforeAll(async () => {
  for (const operation of Object.values(table)) {
    const pageSize = operation.parameters.pageSize;
    if (pageSize?.in === 'query') pageSize.schema.maximum = NEW_PAGE_SIZE_MAXIMUM;
  }
  const subtasks = table.queryUpgradeSubTask!.parameters;
  subtasks.subOperationStatus!.schema.enum = [...(subtasks.subOperationStatus!.schema.enum ?? []), 'cancelled'];
  subtasks.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: 64 } };
  mock = await startMockServer();
});

afterAll(async () => {
  await mock?.close();
  await rm(dirname(bundledSpecPath()), { recursive: true, force: true });
  for (const [operationId, operation] of Object.entries(saved)) table[operationId]!.parameters = operation.parameters;
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
