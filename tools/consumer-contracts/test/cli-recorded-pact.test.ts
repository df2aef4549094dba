// The CLI as a consumer of the client, recorded from real use: the CLI runs in this process
// against the real mock through the recording proxy, and the pact it records must be the one in
// consumers/iodm-northbound-cli.json (same interactions, requests and matching rules; tokens and
// ids differ per run). `UPDATE_PACTS=1 npx vitest run test/cli-recorded-pact.test.ts` rewrites it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '@iodm-northbound/cli';
import { startMockServer } from '@iodm-northbound/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPactRecorder } from '../src/recording/pact-recorder.js';
import { type RecordingProxy, startRecordingProxy } from '../src/recording/recording-proxy.js';
import { CONSUMERS_DIR, type PactFile } from '../src/registry.js';
import { keepPactWhenAsked } from './support/update-pacts.js';

const TASK = '/iodm/northbound/v1.5.0/operations/';
/** The CLI's calls as its pact names them; the task is one the mock always knows (paged-<N>). */
function describeCall({ method, url }: { method: string; url: URL }) {
  const path = url.pathname;
  // The login is left out: Pact's verifier (pact-core 16.1, ffi 0.4.28) replays a form body as
  // cut-off JSON, so no verifier could honour it; the calls below carry the token's format instead.
  if (method === 'POST' && path === '/iocm/app/sec/v1.1.0/login') return undefined;
  if (method === 'GET' && path === '/iodm/northbound/v1.5.0/operations') return { description: 'a request for the upgrade tasks' };
  if (method === 'GET' && path.startsWith(TASK) && path.endsWith('/subOperations'))
    return {
      description: `a request for the ${url.searchParams.get('subOperationStatus') ?? 'all'} subtasks of a task`,
      providerState: 'a task with failed subtasks',
      // The CLI filters on the subtask status and never reads extendInfo (an open object).
      exact: ['$.data[*].status'],
      omit: ['$.data[*].extendInfo'],
    };
  if (method === 'GET' && path.startsWith(TASK)) return { description: 'a request for one upgrade task', providerState: 'a task with failed subtasks' };
  return undefined;
}

const recorder = createPactRecorder({ consumer: 'iodm-northbound-cli', describe: describeCall });
let mock: Awaited<ReturnType<typeof startMockServer>>;
let proxy: RecordingProxy;

beforeAll(async () => {
  mock = await startMockServer();
  proxy = await startRecordingProxy(mock.url, recorder);
});
afterAll(async () => {
  await proxy?.close();
  await mock?.close();
});

async function cli(...args: string[]): Promise<number> {
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  const env = { NORTHBOUND_BASE_URL: proxy.url, NORTHBOUND_APP_ID: 'fleet-ops', NORTHBOUND_SECRET: 'recorded-secret' };
  return runCli(args, { stdout: sink(), stderr: sink(), env, interrupted: new AbortController().signal }, {});
}

/** What a pact promises, without the example values that differ per run. */
const promises = (pact: PactFile) =>
  pact.interactions.map(({ description, providerStates, request, response }) => ({
    description,
    providerStates,
    request: { method: request.method, path: request.path, query: request.query, headers: Object.keys(request.headers ?? {}).sort(), rules: (request as { matchingRules?: unknown }).matchingRules },
    response: { status: response.status, rules: (response as { matchingRules?: unknown }).matchingRules },
  }));

describe('the CLI, recorded as a consumer', () => {
  it('records the pact of listing tasks, showing one and exporting its failed subtasks', async () => {
    expect(await cli('tasks', '--format', 'json')).toBe(0);
    expect(await cli('task', 'paged-5', '--format', 'json')).toBe(0);
    expect(await cli('subtasks', 'paged-5', '--status', 'fail', '--format', 'csv')).toBe(0);
    const recorded = recorder.pact();
    expect(recorded.interactions.map((interaction) => interaction.description)).toEqual([
      'a request for the upgrade tasks',
      'a request for one upgrade task',
      'a request for the fail subtasks of a task',
    ]);
    keepPactWhenAsked('iodm-northbound-cli.json', `${JSON.stringify(recorded, null, 2)}\n`);
    const committed = JSON.parse(readFileSync(join(CONSUMERS_DIR, 'iodm-northbound-cli.json'), 'utf8')) as PactFile;
    expect(promises(recorded)).toEqual(promises(committed));
  });
});
