// `subtasks` is wired to the real client: the CLI in-process, connected through its environment to
// the real (Prism-based) mock on loopback, whose `paged-<N>` task serves N subtasks page by page.
// The unreachable platform's exit 3 is checked through the built bin, in bin.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runInProcess, useRealMockEnv } from './support.js';

const scratch = mkdtempSync(join(tmpdir(), 'iodm-cli-'));
const env = useRealMockEnv();

describe('subtasks against the mock', () => {
  it('exports CSV that a CSV parser reads back, the same records as ndjson', async () => {
    const csv = await runInProcess(['subtasks', 'paged-250', '--format', 'csv'], { env });
    expect(csv.code).toBe(0);
    expect(csv.stderr).toBe('');
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(250);
    expect(Object.keys(rows[0]!)).toEqual(['deviceId', 'status', 'detailInfo', 'subOperationId', 'operateType', 'createTime', 'startTime', 'stopTime']);

    const ndjson = await runInProcess(['subtasks', 'paged-250', '--format', 'ndjson'], { env });
    expect(ndjson.code).toBe(0);
    const records = ndjson.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => [record.deviceId, record.status, record.detailInfo])).toEqual(rows.map((row) => [row.deviceId, row.status, row.detailInfo]));
    expect(new Set(records.map((record) => record.subOperationId)).size).toBe(250);
  });

  it('filters by status, and writes --output to a file with a note on stderr', async () => {
    const file = join(scratch, 'failed.csv');
    const result = await runInProcess(['subtasks', 'paged-100', '--status', 'fail', '--format', 'csv', '--output', file], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`iodm-northbound: wrote 20 subtask(s) to ${file}\n`);
    const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row.status === 'fail')).toBe(true);
  });

  it('prints JSON that parses, and a table for people', async () => {
    const json = await runInProcess(['subtasks', 'paged-3', '--format', 'json'], { env });
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(3);
    const empty = await runInProcess(['subtasks', 'paged-0', '--format', 'json'], { env });
    expect(JSON.parse(empty.stdout)).toEqual([]);
    const table = await runInProcess(['subtasks', 'paged-2'], { env });
    expect(table.stdout).toMatch(/deviceId.*status.*detailInfo/);
    expect(table.stdout.match(/firmware_upgrade/g)).toHaveLength(2);
  });

  it('reads the secret from --secret-file', async () => {
    const secretFile = join(scratch, 'secret');
    writeFileSync(secretFile, 'from-a-file\n');
    const { NORTHBOUND_SECRET: _unused, ...withoutSecret } = env;
    const result = await runInProcess(['subtasks', 'paged-1', '--format', 'ndjson', '--secret-file', secretFile], { env: withoutSecret });
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});
