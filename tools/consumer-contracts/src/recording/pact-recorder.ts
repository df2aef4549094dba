// Records a pact from a team's own tests: a `fetch` to hand to our client (its `fetch` option)
// that sends each request on, and writes what the client asked and what it was answered as Pact
// specification v3 interactions, with matching rules for the values that vary.
import { writeFileSync } from 'node:fs';
import type { FetchLike } from '@iodm-northbound/client';
import type { PactFile, PactInteraction } from '../registry.js';
import { bodyRules, type MatchingRules, ruleFor } from './matching-rules.js';

/** What one call is in the pact: its description (unique per state), the provider state it needs, what it relies on. */
export interface RecordedCall {
  readonly description: string;
  readonly providerState?: string;
  /** Response body fields kept as recorded (JSONPath as Pact writes it: `$.data[*].status`); the others match by type or format. */
  readonly exact?: readonly string[];
  /** Response body fields the team does not read, left out of the pact (a pact promises only what is relied on). */
  readonly omit?: readonly string[];
}

export interface PactRecorderOptions {
  /** The consuming team, as reviewers will read it in the spec review. */
  readonly consumer: string;
  readonly provider?: string;
  /** Names each call; `undefined` leaves it out of the pact. A call already recorded is kept once. */
  readonly describe: (request: { method: string; url: URL }) => RecordedCall | undefined;
  /** Where the requests go on (default: the global fetch). */
  readonly fetch?: FetchLike;
}

export interface PactRecorder {
  readonly fetch: FetchLike;
  pact(): PactFile;
  /** Writes the pact as JSON (two-space indent, a final newline). */
  write(file: string): void;
}

/** The request headers a pact keeps: what the platform reads. Others (user-agent, ...) are the client's business. */
const KEPT_REQUEST_HEADERS = ['app_key', 'authorization', 'content-type', 'accept'];

export function createPactRecorder(options: PactRecorderOptions): PactRecorder {
  const send: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const interactions: PactInteraction[] = [];
  const seen = new Set<string>();

  const recordingFetch: FetchLike = async (request) => {
    const url = new URL(request.url);
    const call = options.describe({ method: request.method, url });
    const requestBody = request.body === null ? undefined : await request.clone().text();
    const response = await send(request);
    const key = `${call?.description}\u0000${call?.providerState}`;
    if (call !== undefined && !seen.has(key)) {
      seen.add(key);
      interactions.push(await interactionOf(call, request, url, requestBody, response.clone()));
    }
    return response;
  };

  const pact = (): PactFile => ({
    consumer: { name: options.consumer },
    interactions: structuredClone(interactions),
    metadata: { pactSpecification: { version: '3.0.0' }, recordedBy: { name: '@iodm-northbound/consumer-contracts' } },
    provider: { name: options.provider ?? 'iodm-northbound' },
  });
  return { fetch: recordingFetch, pact, write: (file) => writeFileSync(file, `${JSON.stringify(pact(), null, 2)}\n`) };
}

async function interactionOf(call: RecordedCall, request: Request, url: URL, requestBody: string | undefined, response: Response): Promise<PactInteraction> {
  const headers: Record<string, string> = {};
  const headerRules: MatchingRules = {};
  for (const name of KEPT_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value === null) continue;
    headers[name] = value;
    // app_key and the token vary by team and run; the media types are what the client relies on.
    if (name === 'app_key' || name === 'authorization') headerRules[name] = { combine: 'AND', matchers: [ruleFor(value)] };
  }
  const query: Record<string, string[]> = {};
  url.searchParams.forEach((value, name) => {
    query[name] = [...(query[name] ?? []), value];
  });

  const contentType = response.headers.get('content-type');
  const text = await response.text();
  const json = contentType !== null && /\bjson\b/i.test(contentType) && text !== '';
  const body = json ? bodyRules(JSON.parse(text), call.exact ?? [], call.omit ?? []) : undefined;

  return {
    description: call.description,
    ...(call.providerState === undefined ? {} : { providerStates: [{ name: call.providerState }] }),
    request: {
      method: request.method,
      path: url.pathname,
      ...(Object.keys(query).length === 0 ? {} : { query }),
      headers,
      ...(requestBody === undefined || requestBody === '' ? {} : { body: /\bjson\b/i.test(headers['content-type'] ?? '') ? JSON.parse(requestBody) : requestBody }),
      ...(Object.keys(headerRules).length === 0 ? {} : { matchingRules: { header: headerRules } }),
    },
    response: {
      status: response.status,
      ...(contentType === null ? {} : { headers: { 'Content-Type': contentType } }),
      ...(body === undefined ? {} : { body: body.example, matchingRules: { body: body.rules } }),
    },
  } as PactInteraction;
}
