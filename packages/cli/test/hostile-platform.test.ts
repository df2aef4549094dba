// A hostile platform on loopback (node:http on 127.0.0.1, port 0), reached through the real client:
// every escape class in deviceId, detailInfo, subOperationId, operationId, createTime, status and
// error_desc reaches no stream raw; CSV cells a spreadsheet would evaluate are guarded unless
// --csv-raw; JSON and NDJSON keep the values exact; a create whose connection is reset after the
// body was read exits 4 and says how to look for the task, without a second create.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './support.js';

/** Each class of escape, in more than one spelling. */
const ESCAPES: Record<string, string> = {
  'OSC 52 clipboard (BEL)': '\u001b]52;c;ZWNobyBwd25lZA==\u0007',
  'OSC 0 title (ST)': '\u001b]0;pwned\u001b\\',
  'OSC 8 hyperlink': '\u001b]8;;http://evil.example/\u0007click\u001b]8;;\u0007',
  'CSI clear screen': '\u001b[2J\u001b[H',
  '8-bit CSI': '\u009b2J',
  '8-bit OSC (8-bit ST)': '\u009d0;title\u009c',
  'carriage return': 'ok\rFAKE',
  'backspace, DEL, NUL': 'a\u0008\u007f\u0000b',
  'bidi override': 'safe\u202eevil\u202c',
  'bidi isolate': '\u2066x\u2069',
};
const HOSTILE = Object.values(ESCAPES).join('|');
/** What must never reach a stream raw (a line feed may: the CLI ends its lines with one). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

const subtasks = [
  ...Object.entries(ESCAPES).map(([name, sequence], n) => ({
    subOperationId: `sub-${n}${sequence}`,
    deviceId: `dev-${n}${sequence}`,
    detailInfo: `${sequence} ${name}: cause`,
    status: n % 2 === 0 ? 'fail' : 'stop',
    operateType: 'firmware_upgrade',
    createTime: `2026${sequence}`,
  })),
  ...FORMULAS.map((formula, n) => ({ subOperationId: `formula-${n}`, deviceId: formula, detailInfo: formula, status: 'success', operateType: 'firmware_upgrade' })),
];
const task = {
  operationId: `op${HOSTILE}`,
  createTime: `2026${HOSTILE}`,
  operateType: 'firmware_upgrade',
  status: 'failed',
  staResult: { total: subtasks.length, success: FORMULAS.length, fail: 5, stop: 5, timeout: 0, processing: 0, wait: 0 },
};

const BASE = '/iodm/northbound/v1.5.0';
let server: Server;
let env: Record<string, string>;
const creates: string[] = [];

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString();
  const page = (items: unknown[]) => ({ data: items, pageNo: Number(url.searchParams.get('pageNo') ?? 0), pageSize: 100, totalCount: items.length });
  if (url.pathname === '/iocm/app/sec/v1.1.0/login') return json(response, 200, { accessToken: 'hostile-access-token', refreshToken: 'hostile-refresh-token', expiresIn: 3600 });
  if (url.pathname === `${BASE}/operations/firmwareUpgrade`) {
    creates.push(body);
    const fileId = (JSON.parse(body) as { fileId: string }).fileId;
    // The body was read; the answer never comes.
    if (fileId === 'reset-after-body') return void request.socket.destroy();
    if (fileId === 'server-error') return json(response, 503, { error_code: '100001', error_desc: 'busy' });
    if (fileId === 'refused') return json(response, 404, { error_code: '123002', error_desc: `no such package ${HOSTILE}` });
    return json(response, 200, { operationId: `new${HOSTILE}` });
  }
  if (url.pathname === `${BASE}/operations`) return json(response, 200, page([task]));
  const match = /^\/iodm\/northbound\/v1\.5\.0\/operations\/([^/]+)(\/subOperations)?$/.exec(url.pathname);
  if (match?.[1] === 'bad-request') return json(response, 400, { error_code: '120015', error_desc: `bad request ${HOSTILE}` });
  if (match?.[2]) {
    const status = url.searchParams.get('subOperationStatus');
    return json(response, 200, page(status ? subtasks.filter((subtask) => subtask.status === status) : subtasks));
  }
  if (match) return json(response, 200, task);
  json(response, 404, {});
}

beforeAll(async () => {
  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => response.destroy(error as Error));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  env = { NORTHBOUND_BASE_URL: `http://127.0.0.1:${port}`, NORTHBOUND_APP_ID: 'cli-test-app', NORTHBOUND_SECRET: 'cli-test-secret' };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const run = (args: string[]) => runInProcess(args, { env });

describe('no escape from the platform reaches a stream raw', () => {
  it.each([
    ['subtasks table', ['subtasks', 'op']],
    ['subtasks csv', ['subtasks', 'op', '--format', 'csv']],
    ['tasks table', ['tasks']],
    ['tasks csv', ['tasks', '--format', 'csv']],
    ['task table', ['task', 'op']],
    ['watch (plain progress, failure summary)', ['watch', 'op', '--interval', '100ms']],
    ['create', ['create', 'firmware', '--file-id', 'f', '--devices', 'd1']],
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
  ])('%s table: the cells are measured as shown, so every line of the table is as wide as the others', async (_name, args) => {
    const lines = (await run(args)).stdout.trimEnd().split('\n');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it("error_desc on the stderr error line: shown, not obeyed", async () => {
    const result = await run(['task', 'bad-request']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad request \\x1b]52;c;');
    expect(result.stderr).not.toMatch(RAW_UNSAFE);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
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
    const before = creates.length;
    const result = await run(['create', 'firmware', '--file-id', 'reset-after-body', '--devices', 'd1,d2']);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/may have reached the platform.*The task may exist: do not create it again/);
    expect(result.stderr).toMatch(/`iodm-northbound tasks --type firmware_upgrade --device-id d1` for a task created at or after \d{8}T\d{6}Z/);
    expect(creates.length - before).toBe(1); // sent once, never retried
  });

  it('a 5xx answer to the create: exit 4', async () => {
    const result = await run(['create', 'firmware', '--file-id', 'server-error', '--device-group', 'g', '--device-type', 't', '--model', 'm', '--manufacturer', 'a']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('`iodm-northbound tasks --type firmware_upgrade` for a task created');
  });

  it('a create the platform refused (404): exit 1, not 4', async () => {
    const result = await run(['create', 'firmware', '--file-id', 'refused', '--devices', 'd1']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('may exist');
    expect(result.stderr).not.toMatch(RAW_UNSAFE);
  });
});
