// The query fuzz's property, shared by its two tiers: generated query strings and header sets
// (odd integer spellings, empty values, unicode, repeats, names in other cases) against the
// subtask query. Every answer must be a platform error body with a code the spec documents for
// that status, or a 200 whose body validates against the spec's schema and echoes exactly the
// paging values it validated. test/query-fuzz.test.ts runs a few hundred cases on a fixed seed;
// test/release/query-fuzz.test.ts thousands on a fresh seed.
import { Agent, request } from 'node:http';
import { pagingOf } from '@iodm-northbound/spec/constraints';
import { followRefs, pointerFrom } from '@iodm-northbound/spec/pointer';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { deref, spec, specExamples, subtasksPath } from './support.js';

const OPERATION_PATH = '/iodm/northbound/v1.5.0/operations/{operationId}/subOperations';

// --- the contract, read from the spec itself ---------------------------------------------------
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema(spec, 'openapi.json');
const responses: Record<string, unknown> = spec.paths[OPERATION_PATH].get.responses;
const validators = new Map<number, ValidateFunction>();
for (const [status, response] of Object.entries(responses)) {
  // Where the response sits once its $ref is followed, then its JSON body's schema under it.
  const { pointer } = followRefs(spec, response, pointerFrom(['paths', OPERATION_PATH, 'get', 'responses', status]));
  validators.set(Number(status), ajv.compile({ $ref: `openapi.json#${pointer}${pointerFrom(['content', 'application/json', 'schema'])}` }));
}
/** status -> the error_codes its examples document. */
const documentedCodes = new Map<number, Set<string>>();
for (const example of specExamples().filter((e) => e.operationId === 'queryUpgradeSubTask')) {
  const code = (example.value as { error_code?: string }).error_code;
  if (code !== undefined) documentedCodes.set(example.status, new Set([...(documentedCodes.get(example.status) ?? []), code]));
}
const statuses = deref(spec.components.schemas.SubOperationStatus).enum as string[];

// --- generators --------------------------------------------------------------------------------
const printableLatin1 = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })).map((c) => String.fromCharCode(c)), maxLength: 40 });
const integerSpelling = fc.oneof(
  fc.integer({ min: -5, max: 120 }).map(String),
  fc.integer({ min: 0, max: 2 ** 32 }).map(String),
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
  fc.nat(200).map((n) => `0x${n.toString(16)}`),
  fc.nat(200).map((n) => `0b${n.toString(2)}`),
  fc.nat(200).map((n) => `0o${n.toString(8)}`),
  fc.tuple(fc.nat(9), fc.integer({ min: -3, max: 12 })).map(([m, e]) => `${m}e${e}`),
  fc.nat(150).map((n) => `+${n}`),
  fc.nat(150).map((n) => ` ${n}`),
  fc.nat(150).map((n) => `${n}.0`),
  fc.nat(150).map((n) => `000${n}`),
  fc.constantFrom('', '-0', 'Infinity', 'NaN', '٣', '５', '1_0', 'null', 'true', '[]'),
);
const statusSpelling = fc.oneof(fc.constantFrom(...statuses), fc.constantFrom(...statuses).map((s) => s.toUpperCase()), fc.constantFrom('failed', 'success ', '', 'Success'));
const anyValue = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), printableLatin1);
const parameter = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('pageNo', 'pageSize'), integerSpelling) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('subOperationStatus'), statusSpelling) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('pageno', 'PageSize', 'PAGENO', 'suboperationstatus', '__proto__', 'constructor', ''), integerSpelling) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', maxLength: 8 }), anyValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('pageNo', 'pageSize', 'subOperationStatus'), anyValue) },
);
/** A page number or size in plain decimal just outside its bounds in the spec: the one query the platform answers 123029. */
const pageBeyondLimit = fc.constantFrom('pageNo', 'pageSize').chain((name) => {
  const { minimum, maximum } = pagingOf('queryUpgradeSubTask')[name];
  return fc.oneof(fc.integer({ min: minimum - 1000, max: minimum - 1 }), fc.integer({ min: maximum + 1, max: maximum + 1000 })).map((value) => `${name}=${value}`);
});
/** A query string: encoded pairs, sometimes a bare name, sometimes raw characters clients leave unencoded. */
const pairs = fc
  .array(fc.tuple(parameter, fc.constantFrom('encoded', 'encoded', 'encoded', 'bare', 'raw')), { maxLength: 6 })
  .map((pairs) =>
    pairs
      .map(([[name, value], form]) => {
        if (form === 'bare') return encodeURIComponent(name);
        const text = form === 'raw' ? value.replace(/[^A-Za-z0-9\-._~!$'()*+,;:@/?[\]|^{}]/gu, encodeURIComponent) : encodeURIComponent(value);
        return `${encodeURIComponent(name)}=${text}`;
      })
      .join('&'),
  );
// Mixed pairs rarely leave a page value out of range as the only problem: that answer gets its own share.
const queryString = fc.oneof({ weight: 9, arbitrary: pairs }, { weight: 1, arbitrary: pageBeyondLimit });
const taskId = fc.oneof(
  fc.constantFrom('abc', '5bf3a8c7e1d2f40001a3b4c5', 'paged-0', 'paged-23', 'paged-100000'),
  // `.` and `..` are dot segments however encoded; the client refuses them as task ids.
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((id) => id !== '.' && id !== '..'),
);
// Mostly valid credentials, so that most cases reach the query.
const appKey = fc.oneof({ weight: 12, arbitrary: fc.constant('3RQ9UnhymV409MfKPuiin75XroQa') }, { weight: 1, arbitrary: fc.constantFrom('', ' ') }, { weight: 1, arbitrary: printableLatin1 });
const authorization = fc.oneof(
  { weight: 12, arbitrary: fc.constant('Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b') },
  { weight: 1, arbitrary: fc.constantFrom('Bearer ', 'bearer 6d2b', 'Basic dXNlcjpwYXNz', 'Bearer a b') },
  { weight: 1, arbitrary: printableLatin1.map((t) => `Bearer ${t}`) },
);
/** Each credential header left out, sent once, or repeated. */
const headerValue = <T extends string>(value: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 20, arbitrary: value }, { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }) });
const headerSet = fc.record({ app_key: headerValue(appKey), authorization: headerValue(authorization), 'accept-language': headerValue(printableLatin1) });

// --- the property ------------------------------------------------------------------------------
interface Reply {
  status: number;
  contentType: string | undefined;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
function get(baseUrl: string, path: string, headers: Record<string, string | string[] | undefined>): Promise<Reply> {
  const sent = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<string, string | string[]>;
  return new Promise((resolve, reject) => {
    request(`${baseUrl}${path}`, { agent, headers: sent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body }));
    })
      .on('error', reject)
      .end();
  });
}

/** The value the mock must have served for a parameter sent exactly once under its exact name. */
function sentOnce(query: string, name: string): string | undefined {
  const values = new URLSearchParams(query).getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

function checkReply(reply: Reply, query: string, id: string, pagesEcho: boolean): void {
  expect(reply.contentType).toBe('application/json');
  const body = JSON.parse(reply.body) as Record<string, unknown>;
  const validate = validators.get(reply.status);
  expect(validate, `status ${reply.status} is not documented`).toBeDefined();
  expect(validate!(body), JSON.stringify(validate!.errors)).toBe(true);
  if (reply.status !== 200) {
    expect([...(documentedCodes.get(reply.status) ?? [])]).toContain(body.error_code);
    return;
  }
  const page = body as { pageNo: number; pageSize: number; data: unknown[]; totalCount: number };
  expect(page.data.length).toBeLessThanOrEqual(page.pageSize);
  if (!pagesEcho && !id.startsWith('paged-')) return;
  // Integer equality: "-0" was validated as -0 and JSON can only carry it as 0.
  expect(page.pageNo - Number(sentOnce(query, 'pageNo') ?? 0)).toBe(0);
  expect(page.pageSize - Number(sentOnce(query, 'pageSize') ?? 10)).toBe(0);
}

export interface QueryFuzzRuns {
  /** Cases against the mock serving the spec's examples. */
  example: number;
  /** Cases against the mock generating bodies from the schemas. */
  dynamic: number;
  seed: number;
  /** A failure's `path`, to replay just its shrunk counterexample. */
  path?: string;
  /** How to run a mode's failing case again, printed with a failure. */
  replay: (mode: string, seed: number, path: string) => string;
}

/**
 * The failure report: fast-check's seed, path and shrunk counterexample, with every failure met
 * on the way (verbose), and the command that replays it.
 */
async function checkProperty<Ts extends unknown[]>(property: fc.IAsyncProperty<Ts>, runs: QueryFuzzRuns, mode: string, numRuns: number): Promise<void> {
  const path = runs.path !== undefined ? { path: runs.path } : {};
  const details = await fc.check(property, { numRuns, seed: runs.seed, ...path, verbose: fc.VerbosityLevel.Verbose, includeErrorInReport: true });
  if (!details.failed) return;
  const report = (await fc.asyncDefaultReportMessage(details)) ?? 'the property failed';
  const replay = runs.replay(mode, details.seed, details.counterexamplePath ?? '');
  throw new Error(`${report}\n\nseed ${details.seed}, path "${details.counterexamplePath}"; replay: ${replay}`);
}

/** Registers the fuzz suite: a mock per mode for the file, then the property in each mode. */
export function queryFuzzSuite(runs: QueryFuzzRuns): void {
  let exampleMock: MockServer;
  let dynamicMock: MockServer;
  beforeAll(async () => {
    [exampleMock, dynamicMock] = await Promise.all([startMockServer(), startMockServer({ dynamic: true })]);
  });
  afterAll(async () => {
    agent.destroy();
    await Promise.all([exampleMock?.close(), dynamicMock?.close()]);
  });

  describe('generated queries and headers against the subtask query', () => {
    it.each([
      ['example', () => exampleMock, runs.example, false],
      ['dynamic', () => dynamicMock, runs.dynamic, true],
    ] as const)('%s mode: every answer is a documented platform error or a 200 in the schema', async (mode, mock, numRuns, pagesEcho) => {
      let cases = 0;
      const tally = new Map<string, number>();
      const property = fc.asyncProperty(taskId, queryString, headerSet, async (id, query, headers) => {
        cases += 1;
        const reply = await get(mock().url, `${subtasksPath(encodeURIComponent(id))}${query ? `?${query}` : ''}`, headers);
        const key = reply.status === 200 ? '200' : `${reply.status}/${(JSON.parse(reply.body) as { error_code?: string }).error_code}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        checkReply(reply, query, id, pagesEcho);
      });
      await checkProperty(property, runs, mode, numRuns);
      console.info(`fuzz (${mode} mode, seed ${runs.seed}): ${cases} cases, answers ${JSON.stringify(Object.fromEntries(tally))}`);
      if (runs.path !== undefined) return; // a replay runs the one failing case
      expect(cases).toBeGreaterThanOrEqual(numRuns);
      // The generators must reach every kind of answer, or the property proves little.
      expect([...tally.keys()]).toEqual(expect.arrayContaining(['200', '400/120015', '400/123029', '403/1010005']));
    }, 600_000);
  });
}
