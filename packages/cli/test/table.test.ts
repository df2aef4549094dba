// Tables that fit: on a terminal the table is cut to its width (least important columns narrowed
// with …, then left out and named), --wide shows everything, and a long listing streams.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TASK_COLUMNS } from '../src/output/columns.js';
import { writeTable } from '../src/output/table.js';
import { runCli } from '../src/main.js';
import { simulatedApi, testIo } from './support.js';

/** `subtasks` as a terminal of `columns` shows it (stdout a TTY of that width; colour off unless env says). */
async function onTerminal(args: readonly string[], columns: number, env: Record<string, string> = { NO_COLOR: '1' }) {
  const streams = testIo(env);
  Object.assign(streams.io.stdout, { isTTY: true, columns });
  const code = await runCli(args, streams.io, { api: simulatedApi({ speed: 100_000_000, seed: 2 }) });
  return { code, lines: streams.stdout().trimEnd().split('\n') };
}

describe('a table on a terminal', () => {
  it.each([
    [80, /^│ sim-[0-9a-f]+-\d{6} │ fail\s+│ [^│]*… │$/],
    [120, /^│ sim-[0-9a-f]+-\d{6} │ fail\s+│ [^…]* │$/],
  ])('subtasks at %i columns: every line fits, deviceId and status whole, detailInfo cut with … when it must', async (columns, row) => {
    const { code, lines } = await onTerminal(['subtasks', 'campaign-300', '--status', 'fail'], columns);
    expect(code).toBe(0);
    expect(lines.every((line) => line.length <= columns)).toBe(true);
    expect(lines[1]).toMatch(/^│ deviceId\s+│ status\s+│ detailInfo/);
    expect(lines[3]).toMatch(row);
    expect(lines.at(-1)).toMatch(/^\(--wide shows 5 more: subOperationId, operateType, /);
  });

  it('--wide: every column, whole', async () => {
    const { lines } = await onTerminal(['subtasks', 'campaign-300', '--status', 'fail', '--wide'], 80);
    expect(lines[1]).toMatch(/deviceId.*status.*detailInfo.*subOperationId.*operateType.*createTime.*startTime.*stopTime/);
    expect(lines.some((line) => line.includes('…'))).toBe(false);
    expect(lines[1]!.length).toBeGreaterThan(120);
  });

  it('tasks at 80 columns: the least important columns go first, the counts stay', async () => {
    const streams = testIo({ NO_COLOR: '1' });
    Object.assign(streams.io.stdout, { isTTY: true, columns: 80 });
    await runCli(['tasks'], streams.io, { api: simulatedApi({ precreate: 3, speed: 0.0001 }) });
    const lines = streams.stdout().trimEnd().split('\n');
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines[1]).toMatch(/│ operationId\s+│ status\s+│ total │ success │ fail │ stop/);
    expect(lines.at(-1)).toBe('(--wide shows 6 more: operateType, timeout, processing, wait, createTime, stopT…');
  });
});

describe('colour and --output', () => {
  it('statuses are coloured on a terminal unless NO_COLOR; an --output file gets the whole table, plain', async () => {
    const coloured = await onTerminal(['subtasks', 'campaign-300', '--status', 'fail'], 120, {});
    expect(coloured.lines[3]).toContain('│ \u001b[31mfail\u001b[39m   │');
    expect(coloured.lines[1]).not.toContain('\u001b');
    const streams = testIo({ NO_COLOR: '1' });
    Object.assign(streams.io.stdout, { isTTY: true, columns: 120 });
    await runCli(['subtasks', 'campaign-300', '--status', 'fail'], streams.io, { api: simulatedApi({ speed: 100_000_000, seed: 2 }) });
    expect(streams.stdout()).not.toContain('\u001b');
    const file = join(mkdtempSync(join(tmpdir(), 'iodm-table-')), 'table.txt');
    const toFile = await onTerminal(['subtasks', 'campaign-300', '--status', 'fail', '--output', file], 80);
    expect(toFile.code).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written).not.toContain('\u001b');
    expect(written).not.toContain('…');
    expect(written.split('\n')[1]).toMatch(/stopTime/);
  });
});

describe('writeTable', () => {
  it('streams: rows after the first page are written as they come, cut to the widths the first page set', async () => {
    let written = '';
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    let produced = 0;
    let linesWhenLastProduced = 0;
    async function* tasks() {
      for (let n = 0; n < 1_000; n++) {
        produced++;
        linesWhenLastProduced = written.split('\n').length;
        yield { operationId: n < 100 ? `task-${n}` : `a-much-longer-task-id-${n}`, status: 'success' as const, staResult: { total: 1, success: 1, fail: 0, stop: 0, processing: 0, wait: 0, timeout: 0 } };
      }
    }
    await writeTable(tasks(), TASK_COLUMNS, out, { width: 200 });
    expect(produced).toBe(1_000);
    expect(linesWhenLastProduced).toBeGreaterThan(900); // written before the last row was read
    const lines = written.trimEnd().split('\n');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1); // aligned
    expect(lines.at(-2)).toMatch(/^│ a-much-lon… │/);
  });
});
