// `packages`: list (with the client's filters), show, delete, in-process against the real
// (Prism-based) mock on loopback, which answers the package operations from the spec's examples.
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/main.js';
import { specSchema } from '../src/program/spec-options.js';
import { runInProcess, testIo, useRealMockEnv } from './support.js';

const env = useRealMockEnv();

/** The CLI with a terminal on stdin and stderr, and `answer` typed at its question. */
async function inTerminal(args: readonly string[], answer: string) {
  const streams = testIo(env);
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  Object.assign(streams.io.stderr, { isTTY: true });
  const running = runCli(args, { ...streams.io, stdin });
  const ended = running.then((code) => {
    throw new Error(`exited ${code} without asking: ${streams.stderr()}`);
  });
  ended.catch(() => {});
  await Promise.race([streams.written('stderr', /\[y\/N\] $/), ended]);
  stdin.write(`${answer}\n`);
  return { code: await running, stderr: streams.stderr() };
}

describe('packages', () => {
  it('lists the packages in every format, filters sent as the client takes them', async () => {
    const csv = await runInProcess(['packages', '--file-type', 'firmwarePackage', '--format', 'csv'], { env });
    expect(csv.stderr).toBe('');
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toEqual(['fileId', 'name', 'version', 'fileType', 'deviceType', 'model', 'manufacturerName', 'uploadTime']);
    const ndjson = await runInProcess(['packages', '--device-type', 'WaterMeter', '--model', 'BC95', '--manufacturer-name', 'Huawei', '--package-version', 'V1.1.0', '--format', 'ndjson'], { env });
    expect(ndjson.code).toBe(0);
    expect(ndjson.stdout.trimEnd().split('\n').every((line) => typeof (JSON.parse(line) as { fileId: unknown }).fileId === 'string')).toBe(true);
    const table = await runInProcess(['packages'], { env });
    expect(table.stdout).toMatch(/│ fileId\s+│ name\s+│ version/);
    const json = await runInProcess(['packages', '--format', 'json'], { env });
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });

  it('a file type that is not one: exit 2, the values listed from the contract', async () => {
    const result = await runInProcess(['packages', '--file-type', 'firmware'], { env });
    expect(result.code).toBe(2);
    const { enum: fileTypes } = specSchema('queryUpgradePackageList', 'fileType');
    expect(result.stderr).toContain(`fileType must be one of ${fileTypes!.join(', ')}, got "firmware".`);
  });

  it('show: one package as a table or JSON', async () => {
    const json = await runInProcess(['packages', 'show', '5bd7e1a2c3f40001a2b3c4d5', '--format', 'json'], { env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ fileId: expect.any(String), version: expect.any(String) });
    const table = await runInProcess(['packages', 'show', '5bd7e1a2c3f40001a2b3c4d5'], { env });
    expect(table.stdout).toMatch(/│ fileId\s+│/);
  });

  it('delete without a terminal: refused without --yes (exit 2, nothing sent); with --yes deleted', async () => {
    const refused = await runInProcess(['packages', 'delete', '5bd7e1a2c3f40001a2b3c4d5'], { env });
    expect(refused).toEqual({ code: 2, stdout: '', stderr: 'iodm-northbound: packages delete 5bd7e1a2c3f40001a2b3c4d5: not a terminal, so nothing can ask: add --yes to delete it\n' });
    const deleted = await runInProcess(['packages', 'delete', '5bd7e1a2c3f40001a2b3c4d5', '--yes'], { env });
    expect(deleted).toEqual({ code: 0, stdout: '', stderr: 'iodm-northbound: deleted package 5bd7e1a2c3f40001a2b3c4d5\n' });
  });

  it('delete on a terminal asks, naming the package; only yes deletes', async () => {
    // The mock remembers a delete: a package the other test did not delete.
    const listed = await runInProcess(['packages', '--format', 'ndjson'], { env });
    const fileId = listed.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { fileId: string }).fileId).find((id) => id !== '5bd7e1a2c3f40001a2b3c4d5')!;
    const no = await inTerminal(['packages', 'delete', fileId], 'n');
    expect(no.stderr).toMatch(/^Delete package \S+ \S+ \(\S+\)\? \[y\/N\] iodm-northbound: not deleted\n$/);
    expect(no.code).toBe(1);
    const yes = await inTerminal(['packages', 'delete', fileId], 'y');
    expect(yes.stderr).toMatch(new RegExp(`deleted package ${fileId}\n$`));
    const gone = await runInProcess(['packages', 'show', fileId], { env });
    expect(gone.stderr).toMatch(/not found/);
    expect(yes.code).toBe(0);
  });
});
