// A hostile platform on loopback (node:http on 127.0.0.1, port 0), reached through the real client:
// every escape class in deviceId, detailInfo, subOperationId, operationId, createTime, status, a version package's fields and
// error_desc reaches no stream raw; CSV cells a spreadsheet would evaluate are guarded unless
// --csv-raw; JSON and NDJSON keep the values exact; a create whose connection is reset after the
// body was read exits 4 and says how to look for the task, without a second create.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAW_UNSAFE, startHostilePlatform, subtasks, task, type HostilePlatform } from './hostile-platform.js';
import { runCli } from '../src/main.js';
import { runInProcess, testIo } from './support.js';

let platform: HostilePlatform;
beforeAll(async () => {
  platform = await startHostilePlatform();
});
afterAll(async () => {
  await platform?.close();
});

const run = (args: string[]) => runInProcess(args, { env: platform.env });

describe('no escape from the platform reaches a stream raw', () => {
  it.each([
    ['subtasks table', ['subtasks', 'op']],
    ['subtasks csv', ['subtasks', 'op', '--format', 'csv']],
    ['tasks table', ['tasks']],
    ['tasks csv', ['tasks', '--format', 'csv']],
    ['task table', ['task', 'op']],
    ['watch (plain progress, failure summary)', ['watch', 'op', '--interval', '100ms']],
    ['create', ['create', 'firmware', '--file-id', 'f', '--devices', 'd1']],
    ['packages table', ['packages', '--wide']],
    ['packages csv', ['packages', '--format', 'csv']],
    ['packages show', ['packages', 'show', 'p1', '--wide']],
  ])('%s: every escape shown, none obeyed', async (_name, args) => {
    const result = await run(args);
    expect(result.stderr).not.toMatch(RAW_UNSAFE);
    expect(result.stdout).not.toMatch(RAW_UNSAFE);
    expect(result.stdout).toMatch(/\\x1b\]52;c;|\\x1b\]0;pwned/); // shown, not dropped
  });

  it('each escape class is shown in its visible spelling (the subtasks table)', async () => {
    const { stdout } = await run(['subtasks', 'op']);
    for (const shown of ['\\x1b]52;c;ZWNobyBwd25lZA==\\x07', '\\x1b]0;pwned\\x1b\\', '\\x1b[2J', '\\x9b2J', '\\x9d0;title\\x9c', 'ok\\x0dFAKE', 'a\\x08\\x7f\\x00b', 'safe\\u202eevil\\u202c', '\\u2066x\\u2069']) {
      expect(stdout).toContain(shown);
    }
  });

  it.each([
    ['subtasks', ['subtasks', 'op']],
    ['task', ['task', 'op']],
    ['watch (the failure summary)', ['watch', 'op', '--interval', '100ms']],
  ])('%s table: the cells are measured as shown, so every line of the table is as wide as the others', async (_name, args) => {
    const lines = (await run(args)).stdout.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it("error_desc on the stderr error line: shown, not obeyed", async () => {
    const result = await run(['task', 'bad-request']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad request \\x1b]52;c;');
    expect(result.stderr).not.toMatch(RAW_UNSAFE);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('watch on a terminal: the bar shows a hostile status inert (the bar draws with its own control sequences only)', async () => {
    const streams = testIo(platform.env);
    Object.assign(streams.io.stderr, { isTTY: true, columns: 1000 }); // a terminal wide enough for the whole status: the bar, not plain lines
    const code = await runCli(['watch', 'hostile-status', '--interval', '100ms'], streams.io);
    expect(code).toBe(1);
    expect(streams.stderr()).toContain('processing\\x1b]52;c;');
    // What the bar writes itself: CSI cursor moves and SGR; no OSC, BEL, 8-bit CSI or bidi.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
    expect(streams.stderr()).not.toMatch(/\u001b\]|\u0007|[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(streams.stdout()).not.toMatch(RAW_UNSAFE);
  });

  it.each(['json', 'ndjson'])('%s: the values exact, and no raw control character in the text', async (format) => {
    const { stdout, code } = await run(['subtasks', 'op', '--format', format]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_UNSAFE);
    const records = format === 'json' ? JSON.parse(stdout) : stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records).toEqual(subtasks);
  });

  it('task --format json: the task exact', async () => {
    const { stdout } = await run(['task', 'op', '--format', 'json']);
    expect(stdout).not.toMatch(RAW_UNSAFE);
    expect(JSON.parse(stdout)).toEqual(task);
  });
});

describe('CSV cells a spreadsheet would evaluate', () => {
  it("each leading = + - @ tab CR gets a leading ' by default", async () => {
    const rows = parse((await run(['subtasks', 'op', '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    const guarded = rows.filter((row) => row.subOperationId!.startsWith('formula-'));
    expect(guarded.map((row) => row.deviceId)).toEqual(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1:A2)", "'\\x09=1+1", "'\\x0d=1+1"]);
    expect(guarded.map((row) => row.detailInfo)).toEqual(guarded.map((row) => row.deviceId));
    expect(rows.find((row) => row.subOperationId!.startsWith('sub-0'))!.deviceId).toBe('dev-0\\x1b]52;c;ZWNobyBwd25lZA==\\x07');
  });

  it('--csv-raw: every cell exactly as sent', async () => {
    const rows = parse((await run(['subtasks', 'op', '--format', 'csv', '--csv-raw'])).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.deviceId)).toEqual(subtasks.map((subtask) => subtask.deviceId));
    expect(rows.map((row) => row.detailInfo)).toEqual(subtasks.map((subtask) => subtask.detailInfo));
  });
});

describe('a create whose outcome is unknown', () => {
  it('reset after the body was read: exit 4, the task may exist, how to look for it, no second create', async () => {
    const before = platform.creates.length;
    const result = await run(['create', 'firmware', '--file-id', 'reset-after-body', '--devices', 'd1,d2']);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/may have reached the platform.*The task may exist: do not create it again/);
    expect(result.stderr).toMatch(/`iodm-northbound tasks --type firmware_upgrade --device-id d1` for a task created at or after \d{8}T\d{6}Z/);
    expect(platform.creates.length - before).toBe(1); // sent once, never retried
  });

  it('a 5xx answer to the create: exit 4', async () => {
    const result = await run(['create', 'firmware', '--file-id', 'server-error', '--device-group', 'g', '--device-type', 't', '--model', 'm', '--manufacturer-name', 'a']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('`iodm-northbound tasks --type firmware_upgrade` for a task created');
  });

  it('Ctrl-C while the create awaits its answer: exit 130, after saying the task may exist', async () => {
    const streams = testIo(platform.env);
    const before = platform.creates.length;
    const running = runCli(['create', 'software', '--file-id', 'no-answer', '--devices', 'd9'], streams.io);
    while (platform.creates.length === before) await new Promise((resolve) => setTimeout(resolve, 10)); // the body arrived
    streams.interrupt();
    expect(await running).toBe(130);
    expect(streams.stderr()).toMatch(/^iodm-northbound: the create may have reached the platform.*`iodm-northbound tasks --type software_upgrade --device-id d9`.*\niodm-northbound: interrupted\n$/);
  });

  it('a create the platform refused (404): exit 1, not 4', async () => {
    const result = await run(['create', 'firmware', '--file-id', 'refused', '--devices', 'd1']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('may exist');
    expect(result.stderr).not.toMatch(RAW_UNSAFE);
  });
});
