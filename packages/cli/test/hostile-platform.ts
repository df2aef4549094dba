// A hostile platform for the CLI's tests: node:http on 127.0.0.1 (port 0) that answers as the
// platform does, with every class of terminal escape in the values a device or the platform
// controls, CSV formulas in others, and creates that end ambiguously (reset after the body, 503).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson as json, startLoopbackPlatform } from './loopback-platform.js';

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
export const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

export const subtasks = [
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
export const task = {
  operationId: `op${HOSTILE}`,
  createTime: `2026${HOSTILE}`,
  operateType: 'firmware_upgrade',
  status: 'failed',
  staResult: { total: subtasks.length, success: FORMULAS.length, fail: 5, stop: 5, timeout: 0, processing: 0, wait: 0 },
};

const versionPackage = {
  fileId: `pkg${HOSTILE}`,
  name: `name${HOSTILE}`,
  version: `1.0${HOSTILE}`,
  fileType: 'firmwarePackage',
  deviceType: `Meter${HOSTILE}`,
  model: 'M1',
  manufacturerName: `Acme${HOSTILE}`,
};

const BASE = '/iodm/northbound/v1.5.0';
interface State {
  readonly creates: string[];
  statusPolls: number;
}

async function handle(request: IncomingMessage, response: ServerResponse, state: State): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString();
  const page = (items: unknown[]) => ({ data: items, pageNo: Number(url.searchParams.get('pageNo') ?? 0), pageSize: 100, totalCount: items.length });
  if (url.pathname === '/iocm/app/sec/v1.1.0/login') return json(response, 200, { accessToken: 'hostile-access-token', refreshToken: 'hostile-refresh-token', expiresIn: 3600 });
  if (url.pathname === `${BASE}/operations/firmwareUpgrade` || url.pathname === `${BASE}/operations/softwareUpgrade`) {
    state.creates.push(body);
    const fileId = (JSON.parse(body) as { fileId: string }).fileId;
    // The body was read; the answer never comes.
    if (fileId === 'reset-after-body') return void request.socket.destroy();
    if (fileId === 'no-answer') return; // until the client gives up or the server closes
    if (fileId === 'server-error') return json(response, 503, { error_code: '100001', error_desc: 'busy' });
    if (fileId === 'refused') return json(response, 404, { error_code: '123002', error_desc: `no such package ${HOSTILE}` });
    return json(response, 200, { operationId: `new${HOSTILE}` });
  }
  if (url.pathname === `${BASE}/operations`) return json(response, 200, page([task]));
  if (url.pathname === `${BASE}/category`) return json(response, 200, page([versionPackage]));
  if (url.pathname.startsWith(`${BASE}/category/`)) return json(response, 200, versionPackage);
  const match = /^\/iodm\/northbound\/v1\.5\.0\/operations\/([^/]+)(\/subOperations)?$/.exec(url.pathname);
  if (match?.[1] === 'bad-request') return json(response, 400, { error_code: '120015', error_desc: `bad request ${HOSTILE}` });
  if (match?.[2]) {
    const status = url.searchParams.get('subOperationStatus');
    return json(response, 200, page(status ? subtasks.filter((subtask) => subtask.status === status) : subtasks));
  }
  // A status that is itself hostile on the first poll (watch draws it), then an ended task.
  if (match?.[1] === 'hostile-status') return json(response, 200, { ...task, status: state.statusPolls++ === 0 ? `processing${HOSTILE}` : 'failed' });
  if (match) return json(response, 200, task);
  json(response, 404, {});
}

export interface HostilePlatform {
  /** The NORTHBOUND_* environment that points the CLI at it. */
  readonly env: Record<string, string>;
  /** The body of every create request it received. */
  readonly creates: readonly string[];
  close(): Promise<void>;
}

export async function startHostilePlatform(): Promise<HostilePlatform> {
  const state: State = { creates: [], statusPolls: 0 };
  const platform = await startLoopbackPlatform((request, response) => {
    handle(request, response, state).catch((error: unknown) => response.destroy(error as Error));
  });
  return { env: platform.env, creates: state.creates, close: platform.close };
}
