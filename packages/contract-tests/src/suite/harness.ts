// What every area of the contract suite shares: the target, the response validator, clients
// whose every exchange is recorded and schema-checked, raw requests, and the record of which
// documented responses the run has seen. The per-test hooks are registered by createSuiteContext.
import { createNorthboundClient, NorthboundError, type NorthboundClient, type NorthboundClientOptions } from '@iodm-northbound/client';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { createRecordingFetch, type RecordedExchange, type RecordingFetchOptions } from '../recording-fetch.js';
import { createResponseValidator, type ResponseValidator } from '../schema.js';
import type { ContractTarget } from '../target.js';
import { contractExamples, type ContractExample } from './examples.js';
import { LOGIN_PATH } from './operations.js';
import type { Json } from '../schema.js';


/** Everything a harness client can be set up with; every field is optional. */
interface HarnessOptions {
  /** `Prefer` value to send, by operationId (the mock's scenario header). */
  prefer?: RecordingFetchOptions['prefer'];
  /** Changes a request on its way out, to play a client that does not check its input. */
  tamper?: RecordingFetchOptions['tamper'];
  /** Changes a JSON request body on its way out. */
  tamperBody?: RecordingFetchOptions['tamperBody'];
  /** Client options on top of the suite's (no retries, 15 s per attempt). */
  client?: Omit<NorthboundClientOptions, 'fetch'>;
  /** Use this access token (the Python SDK's call shape) instead of logging in with the secret. */
  accessToken?: string;
}

interface Harness {
  client: NorthboundClient;
  /** The exchanges of this harness only. */
  exchanges: RecordedExchange[];
}

/** What each `defineXTests(ctx)` module gets. */
export interface SuiteContext {
  readonly target: ContractTarget;
  readonly validator: ResponseValidator;
  /** Every named response example of the spec. */
  readonly examples: readonly ContractExample[];
  /** "<operationId> <status>[ <error_code>]" of every response the run has received so far. */
  readonly seen: ReadonlySet<string>;
  /** The value of the named example `key`. */
  exampleValue(key: string): Json;
  /** A client against the target whose every exchange is recorded and schema-checked. */
  harness(options?: HarnessOptions): Harness;
  /** A request without the client, so nothing checks or fixes it first. Still schema-checked. */
  raw(path: string, init?: RequestInit): Promise<RecordedExchange>;
  /** Logs in with a raw request and returns the access token. */
  freshToken(): Promise<string>;
  /** The NorthboundError a promise rejects with; fails the test when it resolves. */
  rejectionOf(promise: Promise<unknown>): Promise<NorthboundError>;
}

/** The operationIds of a list of exchanges, in order. */
export const operationsOf = (list: readonly RecordedExchange[]): Array<string | undefined> => list.map((e) => e.operationId);

/** "<operationId> <status>[ <error_code>]": how the closing coverage test names a response. */
export function responseKey(operationId: string | undefined, status: number, body: unknown): string {
  const errorCode = (body as Json | undefined)?.error_code;
  return `${operationId} ${status}${typeof errorCode === 'string' ? ` ${errorCode}` : ''}`;
}

/**
 * Builds the shared context and registers the hooks that check every response of every test
 * against the contract. Call it at the top of the suite's describe (or file) scope.
 */
export function createSuiteContext(target: ContractTarget): SuiteContext {
  const validator = createResponseValidator();
  const examples = contractExamples(validator.document);
  // Every exchange of the current test, whichever client or raw request made it.
  let exchanges: RecordedExchange[] = [];
  const seen = new Set<string>();
  const clients: NorthboundClient[] = [];

  beforeEach(() => {
    exchanges = [];
  });
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(clients.splice(0).map((client) => client.close()));
    for (const exchange of exchanges) seen.add(responseKey(exchange.operationId, exchange.status, exchange.body));
    const violations = exchanges.flatMap((e) => e.schemaErrors.map((message) => `${e.method} ${e.url.pathname}${e.url.search}: ${message}`));
    expect(violations, 'every response must conform to the contract').toEqual([]);
  });

  const harness = (options: HarnessOptions = {}): Harness => {
    const recorder = createRecordingFetch({ validator, prefer: options.prefer, tamper: options.tamper, tamperBody: options.tamperBody });
    const fetch: typeof recorder.fetch = async (request) => {
      const before = recorder.exchanges.length;
      const response = await recorder.fetch(request);
      exchanges.push(...recorder.exchanges.slice(before));
      return response;
    };
    const base = { baseUrl: target.baseUrl, appId: target.appId };
    const credentials = options.accessToken === undefined ? { ...base, secret: target.secret } : { ...base, accessToken: options.accessToken };
    const client = createNorthboundClient(credentials, { maxRetries: 0, timeoutMs: 15_000, ...options.client, fetch });
    clients.push(client);
    return { client, exchanges: recorder.exchanges };
  };

  const raw = async (path: string, init: RequestInit = {}): Promise<RecordedExchange> => {
    const recorder = createRecordingFetch({ validator });
    await recorder.fetch(new Request(`${target.baseUrl}${path}`, init));
    exchanges.push(...recorder.exchanges);
    return recorder.exchanges[0]!;
  };

  return {
    target,
    validator,
    examples,
    seen,
    exampleValue: (key) => examples.find((e) => e.key === key)!.value,
    harness,
    raw,
    async freshToken() {
      const login = await raw(LOGIN_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ appId: target.appId, secret: target.secret }).toString(),
      });
      expect(login.status).toBe(200);
      return (login.body as { accessToken: string }).accessToken;
    },
    async rejectionOf(promise) {
      const outcome = await promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
      expect(outcome.error).toBeInstanceOf(NorthboundError);
      return outcome.error as NorthboundError;
    },
  };
}
