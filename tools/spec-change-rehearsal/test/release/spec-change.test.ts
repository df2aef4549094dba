// Issue 18, "How it must be shown": in a scratch clone, the spec changes only under openapi/ (the
// subtask query's pageSize up to 200, a subtask status `cancelled`, an optional query parameter
// `deviceType`), then `npm run generate` and a build; the clone's mock, client, types and CLI must
// follow with no hand edit. The same key checks run against this repository's own (unchanged)
// build and must be refused there: the spec change, not a loose check, makes them pass.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MockServer } from '@iodm-northbound/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingFront, type RecordingFront } from '../../src/recording-front.js';
import { rehearse, type Rehearsal } from '../../src/rehearsal.js';
import { runCommand } from '../../src/run-command.js';

type ClientModule = typeof import('@iodm-northbound/client');
type CliModule = typeof import('@iodm-northbound/cli');
type MockModule = typeof import('@iodm-northbound/mock-server');
type SubTaskQuery = Parameters<import('@iodm-northbound/client').NorthboundClient['querySubTasks']>[1];

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const base = '/iodm/northbound/v1.5.0';
/** The mock's `paged-<N>` task serves N subtasks page by page. */
const task = 'paged-300';
const credentials = { app_key: 'rehearsal-raw-app', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' };

let rehearsal: Rehearsal;
interface Build {
  readonly client: ClientModule;
  readonly cli: CliModule;
  readonly mock: MockModule;
}
let scratch: Build & { readonly pageOutOfRange: { error_code: string; error_desc: string } };
/** This repository's own build of the same packages, from the spec as it is. */
let repo: Build;
let scratchMock: MockServer;
let repoMock: MockServer;
let cliFront: RecordingFront;
let checksStarted = 0;

/** A module the clone built, by file URL (the clone's own node_modules resolve its imports). */
const importBuilt = <T>(file: string): Promise<T> => import(/* @vite-ignore */ pathToFileURL(join(rehearsal.clone.dir, file)).href) as Promise<T>;

/** An import's module, or its failure when a check reads it (a package that did not build fails only the checks needing it). */
function settled<T>(result: PromiseSettledResult<T>): () => T {
  return () => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  };
}

/** The three modules as getters over settled imports. */
function buildOf(client: PromiseSettledResult<ClientModule>, cli: PromiseSettledResult<CliModule>, mock: PromiseSettledResult<MockModule>): Build {
  const [clientOf, cliOf, mockOf] = [settled(client), settled(cli), settled(mock)];
  return {
    get client() {
      return clientOf();
    },
    get cli() {
      return cliOf();
    },
    get mock() {
      return mockOf();
    },
  };
}

beforeAll(async () => {
  rehearsal = await rehearse(repoRoot, new Date().toISOString().slice(0, 10));
  const started = performance.now();
  const [client, cli, mock, facts] = await Promise.allSettled([
    importBuilt<ClientModule>('packages/client/dist/index.js'),
    importBuilt<CliModule>('packages/cli/dist/index.js'),
    importBuilt<MockModule>('packages/mock-server/dist/index.js'),
    importBuilt<{ platformErrors: Record<string, { desc: string }> }>('packages/spec/dist/generated/facts.js'),
  ]);
  const factsOf = settled(facts);
  scratch = Object.assign(buildOf(client, cli, mock), {
    get pageOutOfRange() {
      return { error_code: '123029', error_desc: factsOf().platformErrors['123029']!.desc };
    },
  });
  const [repoClient, repoCli, repoMockModule] = await Promise.allSettled([import('@iodm-northbound/client'), import('@iodm-northbound/cli'), import('@iodm-northbound/mock-server')]);
  repo = buildOf(repoClient, repoCli, repoMockModule);
  if (mock.status === 'fulfilled') {
    scratchMock = await mock.value.startMockServer();
    cliFront = await startRecordingFront(scratchMock.url);
  }
  if (repoMockModule.status === 'fulfilled') repoMock = await repoMockModule.value.startMockServer();
  rehearsal.stageTimes['start servers'] = Math.round(performance.now() - started);
  checksStarted = performance.now();
}, 600_000);

afterAll(async () => {
  await Promise.all([cliFront?.close(), scratchMock?.close(), repoMock?.close()]);
  await rehearsal?.clone.dispose();
  if (rehearsal) {
    const times = { ...rehearsal.stageTimes, checks: Math.round(performance.now() - checksStarted) };
    console.log(`spec-change rehearsal stage times (ms): ${JSON.stringify(times)}`);
  }
});

describe('the spec change', () => {
  it('touches only files under openapi/', () => {
    expect(rehearsal.changedByEdit.length).toBeGreaterThan(0);
    expect(rehearsal.changedByEdit.filter((line) => !/^ M openapi\//.test(line))).toEqual([]);
  });

  it('passes the spec gate against the unchanged copy (major bump, dated entry)', () => {
    expect(rehearsal.gate.code, rehearsal.gate.output).toBe(0);
    expect(rehearsal.gate.output).toContain(`→ ${rehearsal.version} (major bump)`);
  });

  it('then npm run generate and the build succeed', () => {
    expect(rehearsal.generate.code, rehearsal.generate.output).toBe(0);
    expect(rehearsal.build.code, rehearsal.build.output).toBe(0);
  });

  it('leaves the type checks of the client, the CLI and the mock, their tests included, passing: no hand edit is needed there', () => {
    expect(rehearsal.typeCheck.code, rehearsal.typeCheck.output).toBe(0);
  });
});

const subtasks = (mock: MockServer, query: string, path = `${base}/operations/${task}/subOperations`) =>
  fetch(`${mock.url}${path}?${query}`, { headers: credentials }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));

describe("the clone's mock", () => {
  it('answers pageSize=150 of the subtask query with 150 subtasks', async () => {
    const answer = await subtasks(scratchMock, 'pageSize=150');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ pageSize: 150 });
    expect(answer.body.data).toHaveLength(150);
  });

  it('refuses pageSize=201 the platform way: 400/123029', async () => {
    expect(await subtasks(scratchMock, 'pageSize=201')).toEqual({ status: 400, body: scratch.pageOutOfRange });
  });

  it('accepts subOperationStatus=cancelled and deviceType=abc', async () => {
    expect((await subtasks(scratchMock, 'subOperationStatus=cancelled')).status).toBe(200);
    expect((await subtasks(scratchMock, 'deviceType=abc')).status).toBe(200);
  });

  it('refuses a deviceType over 64 characters (the new parameter is checked, not ignored)', async () => {
    expect((await subtasks(scratchMock, `deviceType=${'x'.repeat(65)}`)).status).toBe(400);
  });

  it('still refuses pageSize=150 on the task list: the change is the subtask query only', async () => {
    expect(await subtasks(scratchMock, 'pageSize=150', `${base}/operations`)).toEqual({ status: 400, body: scratch.pageOutOfRange });
  });
});

/** A client of the given build whose every request is recorded (the client's `fetch` option). */
function observedClient(module: ClientModule, mock: MockServer, appId: string) {
  const requests: URL[] = [];
  const observing = (request: Request) => {
    requests.push(new URL(request.url));
    return fetch(request);
  };
  const client = module.createNorthboundClient({ baseUrl: mock.url, appId, secret: 'rehearsal-secret' }, { fetch: observing, maxRetries: 0 });
  const subtaskRequests = () => requests.filter((url) => url.pathname.endsWith('/subOperations'));
  return { client, requests, subtaskRequests };
}

describe("the clone's client", () => {
  it('accepts pageSize 150 and sends it', async () => {
    const { client, subtaskRequests } = observedClient(scratch.client, scratchMock, 'rehearsal-client-150');
    const page = await client.querySubTasks(task, { pageSize: 150 });
    expect(page.data).toHaveLength(150);
    expect(subtaskRequests().map((url) => url.searchParams.get('pageSize'))).toEqual(['150']);
  });

  it('refuses pageSize 201 with a ValidationError before any request', async () => {
    const { client, requests } = observedClient(scratch.client, scratchMock, 'rehearsal-client-201');
    await expect(client.querySubTasks(task, { pageSize: 201 })).rejects.toBeInstanceOf(scratch.client.ValidationError);
    expect(requests).toEqual([]);
  });

  it('pages through listSubTasks 200 at a time', async () => {
    const { client, subtaskRequests } = observedClient(scratch.client, scratchMock, 'rehearsal-client-pager');
    expect(await client.listSubTasks(task).toArray()).toHaveLength(300);
    expect(subtaskRequests().map((url) => url.searchParams.get('pageSize'))).toEqual(['200', '200']);
  });

  it("sends status 'cancelled' and deviceType 'abc' as query parameters", async () => {
    const { client, subtaskRequests } = observedClient(scratch.client, scratchMock, 'rehearsal-client-filters');
    await client.querySubTasks(task, { status: 'cancelled', deviceType: 'abc' } as unknown as SubTaskQuery);
    const sent = subtaskRequests()[0];
    expect(sent?.searchParams.get('subOperationStatus')).toBe('cancelled');
    expect(sent?.searchParams.get('deviceType')).toBe('abc');
  });

  it('still refuses pageSize 150 on the task list', async () => {
    const { client, requests } = observedClient(scratch.client, scratchMock, 'rehearsal-client-tasks');
    await expect(client.queryTasks({ pageSize: 150 })).rejects.toBeInstanceOf(scratch.client.ValidationError);
    expect(requests).toEqual([]);
  });
});

describe("the clone's client types (tsc)", () => {
  const consumer = (options: string) => `import { createNorthboundClient } from '@iodm-northbound/client';
const client = createNorthboundClient({ baseUrl: 'https://203.0.113.10:8743', appId: 'app', secret: 'secret' });
export const page = client.querySubTasks('task-1', ${options});
export const pager = client.listSubTasks('task-1', ${options});
`;
  const compile = async (name: string, source: string, paths: Record<string, string[]> = {}) => {
    const dir = join(rehearsal.clone.dir, 'rehearsal-consumer');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${name}.ts`), source);
    const compilerOptions = { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: true, paths };
    await writeFile(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }));
    return runCommand(process.execPath, [join(rehearsal.clone.dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${name}.json`], { cwd: dir });
  };

  it("compiles a call with { deviceType: 'abc', status: 'cancelled' }", async () => {
    const compiled = await compile('valid', consumer(`{ deviceType: 'abc', status: 'cancelled' }`));
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);
  });

  it('refuses a misspelt deviceTyp (tsc does check)', async () => {
    const compiled = await compile('misspelt', consumer(`{ deviceTyp: 'abc' }`));
    expect(compiled.code).not.toBe(0);
    expect(compiled.output).toMatch(/misspelt\.ts\(3,\d+\): error TS\d+: .*deviceTyp/);
  });

  it("refuses the same valid call against this repository's unchanged client", async () => {
    const repoClientTypes = join(repoRoot, 'packages', 'client', 'dist', 'index.d.ts');
    const compiled = await compile('against-repo', consumer(`{ deviceType: 'abc', status: 'cancelled' }`), { '@iodm-northbound/client': [repoClientTypes] });
    expect(compiled.code).not.toBe(0);
    expect(compiled.output).toMatch(/against-repo\.ts\(3,\d+\): error TS\d+/);
  });
});

/** The CLI of the given build in this process, with captured streams, its connection in the environment. */
async function runCliOf(module: CliModule, baseUrl: string, args: string[]) {
  const text = { stdout: '', stderr: '' };
  const capture = (name: keyof typeof text) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        text[name] += chunk.toString();
        done();
      },
    });
  const env = { NORTHBOUND_BASE_URL: baseUrl, NORTHBOUND_APP_ID: 'rehearsal-cli', NORTHBOUND_SECRET: 'rehearsal-cli-secret' };
  const code = await module.runCli(args, { stdout: capture('stdout'), stderr: capture('stderr'), env, interrupted: new AbortController().signal });
  return { code, ...text };
}

describe("the clone's CLI", () => {
  const subtaskTargets = (since: number) => cliFront.targets.slice(since).filter((target) => target.includes('/subOperations'));

  it('accepts --page-size 150 and the request carries it', async () => {
    const since = cliFront.targets.length;
    const result = await runCliOf(scratch.cli, cliFront.url, ['subtasks', task, '--page-size', '150', '--format', 'ndjson']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(300);
    expect(subtaskTargets(since).map((target) => new URL(target, cliFront.url).searchParams.get('pageSize'))).toEqual(['150', '150']);
  });

  it('refuses --page-size 201 with exit 2', async () => {
    const result = await runCliOf(scratch.cli, cliFront.url, ['subtasks', task, '--page-size', '201', '--format', 'ndjson']);
    expect(result.code, result.stderr).toBe(2);
    // Refused for the spec's new limit, not as an option the CLI does not know.
    expect(result.stderr).toMatch(/\b200\b/);
    expect(result.stderr).not.toMatch(/unknown option/);
  });

  it('accepts --status cancelled and sends it', async () => {
    const since = cliFront.targets.length;
    const result = await runCliOf(scratch.cli, cliFront.url, ['subtasks', task, '--status', 'cancelled', '--format', 'ndjson']);
    expect(result.code, result.stderr).toBe(0);
    expect(subtaskTargets(since).map((target) => new URL(target, cliFront.url).searchParams.get('subOperationStatus'))).toEqual(['cancelled']);
  });

  it('takes the new query parameter as --device-type (a filter per spec parameter) and sends it', async () => {
    const since = cliFront.targets.length;
    const result = await runCliOf(scratch.cli, cliFront.url, ['subtasks', task, '--device-type', 'abc', '--format', 'ndjson']);
    expect(result.code, result.stderr).toBe(0);
    expect(new Set(subtaskTargets(since).map((target) => new URL(target, cliFront.url).searchParams.get('deviceType')))).toEqual(new Set(['abc']));
  });
});

describe("this repository's unchanged build refuses what the change allows", () => {
  it('its mock answers pageSize=150 and subOperationStatus=cancelled of the subtask query 400', async () => {
    expect(await subtasks(repoMock, 'pageSize=150')).toMatchObject({ status: 400, body: { error_code: '123029' } });
    expect((await subtasks(repoMock, 'subOperationStatus=cancelled')).status).toBe(400);
  });

  it('its client refuses pageSize 150 and status cancelled before any request', async () => {
    const { client, requests } = observedClient(repo.client, repoMock, 'rehearsal-repo-client');
    await expect(client.querySubTasks(task, { pageSize: 150 })).rejects.toBeInstanceOf(repo.client.ValidationError);
    await expect(client.querySubTasks(task, { status: 'cancelled' } as unknown as SubTaskQuery)).rejects.toBeInstanceOf(repo.client.ValidationError);
    expect(requests).toEqual([]);
  });

  it('its CLI refuses --status cancelled and --page-size 150 with exit 2, each for the old spec', async () => {
    const status = await runCliOf(repo.cli, repoMock.url, ['subtasks', task, '--status', 'cancelled', '--format', 'ndjson']);
    expect(status.code, status.stderr).toBe(2);
    expect(status.stderr).toMatch(/cancelled/);
    const pageSize = await runCliOf(repo.cli, repoMock.url, ['subtasks', task, '--page-size', '150', '--format', 'ndjson']);
    expect(pageSize.code, pageSize.stderr).toBe(2);
    expect(pageSize.stderr).toMatch(/\b100\b/);
    expect(pageSize.stderr).not.toMatch(/unknown option/);
  });
});
