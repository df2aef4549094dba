// The request pipeline every operation goes through, in this order:
//   call → retries → one timed attempt → acquire a token → before sending (a place in the call
//   budget, if rateLimit is set) → send → read the body
//   (bounded) → check the status → parse → the endpoint's own check of the result.
// Endpoints (src/resources/) are rows describing one operation; nothing here names one.
import type { Client } from 'openapi-fetch';
import type { paths } from '@iodm-northbound/types';
import type { CallGate } from '../coordination/call-gate.js';
import type { CallPermit } from '../coordination/types.js';
import {
  AbortError,
  ClientClosedError,
  ConnectionError,
  InvalidTokenError,
  NorthboundError,
  TimeoutError,
  UnexpectedResponseError,
  type NorthboundOperation,
} from '../core/errors.js';
import { readBoundedText } from './bounded-body.js';
import { errorFromResponse, excerpt } from './error-mapping.js';
import type { LogSink } from './log-sink.js';
import type { Redactor } from './redact.js';
import { abortErrorFor, isRetryable, parseRetryAfter, retryDelayMs, sleep, surelyUnprocessed } from './retries.js';
import type { TokenSource } from './token-sources.js';
import { reportAgainstCall } from './token-failure.js';
import type { FetchLike, Transport } from './transport.js';

/** What the pipeline hands an endpoint to build its request with (through the request builder, request-builder.ts). */
interface SendInit {
  /** Only when the transport reads headers from the request it is handed (a caller's fetch). */
  headers: Record<string, string> | undefined;
  signal: AbortSignal;
  fetch: FetchLike;
}

/** One operation of the platform, as a row: how to build its request and how to read its answer. */
export interface Endpoint<Input, Output> {
  operation: NorthboundOperation;
  /** Sends app_key and an access token; a 403/1010005 then leads to one re-login per call. */
  authorised: boolean;
  /**
   * `true`: idempotent, retried. `false`: never retried (login and refresh: each one invalidates the
   * last token). `'unprocessed'`: not safe to repeat (a create, a delete), so retried only when the
   * platform surely did not act on it: throttled, or failed before the request left. A timeout, a
   * reset or a 5xx after sending is ambiguous and goes to the caller.
   */
  retried: boolean | 'unprocessed';
  /** The 2xx answer has no body (a delete): whatever comes is read, bounded, and not parsed. */
  bodyless?: true;
  /** Whether an error may quote the body (never for token responses: they hold tokens). */
  quotesBody: boolean;
  /** Headers of the operation itself; the pipeline adds app_key and Authorization. */
  headers: Readonly<Record<string, string>>;
  /** Builds and sends the request with the request builder, typed as openapi-fetch's client. */
  send(api: Client<paths>, input: Input, init: SendInit): Promise<unknown>;
  /** Checks the parsed JSON of a 2xx answer: the value, or what is wrong with it. */
  read(body: unknown): { value: Output } | { problem: string };
}

/** The settings one call runs under, checked and resolved against the client's defaults. */
export interface CallContext {
  operation: NorthboundOperation;
  signal: AbortSignal | undefined;
  maxRetries: number;
  /** Time limit of one attempt, including the login or refresh it waits for. */
  timeoutMs: number;
  /** `Date.now()` by which the whole call (retries and backoff included) ends, if the caller set one. */
  deadline: number | undefined;
  /** The client's redactor, or one that also hides the caller's token of this call. */
  redactor: Redactor;
}

interface PipelineConfig {
  api: Client<paths>;
  transport: Transport;
  appId: string;
  log: LogSink;
  /** Whether a logger is set: request/response entries cost a clock read and a closure. */
  logging: boolean;
  maxResponseBytes: number;
  /** The rateLimit budget (this process's or, with a coordinator, the fleet's). */
  callGate: CallGate;
  isClosed(): boolean;
}

/** What bounds the step before a request of one attempt, and whether the request counts against the budget. */
interface AttemptLimit {
  signal: AbortSignal;
  /** `Date.now()` at which this attempt times out. */
  endsAt: number;
  /** The request carries app_key (and a token): the platform counts it against the application. */
  sendsAppKey: boolean;
}

interface Answer {
  response: Response;
  text: string;
}

// The request builder only builds the request; the pipeline reads the answer itself (bounded), so
// the fetch it hands the builder (typed as openapi-fetch's, which returns a Response) returns an
// empty answer that nothing reads. Made at the first call, not
// when this module loads: touching the global Response loads Node's bundled undici, which would
// then install its global dispatcher before transport.ts loads the undici package.
let answerTakenOver: Response | undefined;

export class RequestPipeline {
  constructor(private readonly config: PipelineConfig) {}

  /** Runs one call of `endpoint`: retries, one re-login on a rejected token, typed errors. */
  async call<Input, Output>(endpoint: Endpoint<Input, Output>, input: Input, call: CallContext, tokens?: TokenSource): Promise<Output> {
    this.#checkOpen(call);
    if (call.signal?.aborted) throw abortErrorFor(call.operation, call.signal);
    // Re-authenticating is allowed once per call, outside the retry budget.
    let reauthenticated = false;
    let sentToken: string | undefined;
    // Whether the current attempt's request left the client (for operations not safe to repeat).
    const progress = { sent: false };
    const attemptOnce = async (attempt: number): Promise<Output> => {
      const step = () =>
        this.#timed(call, async (signal, endsAt) => {
          progress.sent = false;
          sentToken = endpoint.authorised && tokens ? await this.#acquireToken(tokens, call, signal) : undefined;
          return this.#exchange(endpoint, input, sentToken, call, attempt, signal, endsAt, progress);
        });
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof InvalidTokenError) || !tokens || reauthenticated || sentToken === undefined || !tokens.invalidate(sentToken)) {
          throw error;
        }
        reauthenticated = true;
        this.config.log('warn', 'reauthenticate', { operation: call.operation, message: 'access token rejected (1010005); logging in again', attempt }, call.redactor);
        return await step();
      }
    };
    const mayRetry = endpoint.retried === 'unprocessed' ? (error: unknown) => surelyUnprocessed(error, progress.sent) : () => true;
    return this.#withRetries(call, endpoint.retried ? call.maxRetries : 0, attemptOnce, mayRetry);
  }

  /**
   * Hook point: where a call gets the access token it sends. The token source is single-flight;
   * the wait is bounded by this attempt's time limit and the caller's signal, while the shared
   * login itself runs on under the client's own limit for the other callers.
   */
  #acquireToken(tokens: TokenSource, call: CallContext, signal: AbortSignal): Promise<string> {
    return tokens.getAccessToken(signal, call.operation).catch((error: unknown) => {
      throw reportAgainstCall(error, call.operation);
    });
  }

  /**
   * Hook point: runs just before each request leaves (after the token, before the transport), once
   * per request, retries included. Awaited, so a step that has to wait (a rate limiter) fits here.
   * Returns the request's place in the call budget, settled by the caller once the answer is in.
   */
  async #beforeSend(request: Request, call: CallContext, attempt: number, limit: AttemptLimit): Promise<CallPermit | undefined> {
    this.#checkOpen(call);
    // A request carrying app_key counts against the application's flow control: wait for room
    // within what is left of this attempt (timeoutMs and the call's deadline) and its signal.
    const { signal, endsAt, sendsAppKey } = limit;
    const permit = sendsAppKey ? await this.config.callGate.take(call.operation, endsAt - Date.now(), signal) : undefined;
    if (this.config.logging) {
      const { method, url } = request;
      this.config.log('debug', 'request', { operation: call.operation, method, url, attempt, message: `${method} ${url}` }, call.redactor);
    }
    return permit;
  }

  /** One request and its complete answer, checked and read by the endpoint. */
  async #exchange<Input, Output>(
    endpoint: Endpoint<Input, Output>,
    input: Input,
    token: string | undefined,
    call: CallContext,
    attempt: number,
    signal: AbortSignal,
    endsAt: number,
    progress: { sent: boolean } = { sent: false },
  ): Promise<Output> {
    const { operation } = call;
    const started = this.config.logging ? performance.now() : 0;
    let answered: Response | undefined;
    const { transport } = this.config;
    const headers = token === undefined ? endpoint.headers : { ...endpoint.headers, app_key: this.config.appId, Authorization: `Bearer ${token}` };
    const fetch: FetchLike = async (request) => {
      const permit = await this.#beforeSend(request, call, attempt, { signal, endsAt, sendsAppKey: token !== undefined });
      progress.sent = true;
      try {
        answered = await transport.send(request, headers);
      } finally {
        // The platform counts a request on arrival, before its answer's headers are back.
        if (permit) await permit.settle();
      }
      answerTakenOver ??= new Response(null, { status: 204 });
      return answerTakenOver;
    };
    await endpoint.send(this.config.api, input, { headers: transport.headersInRequest ? { ...headers } : undefined, signal, fetch });
    const response = answered!;
    const { status } = response;
    if (status < 100 || status > 599) {
      response.body?.cancel().catch(() => {});
      throw new UnexpectedResponseError(`${operation}: HTTP status ${status} is outside 100-599`, { operation, status });
    }
    const answer: Answer = { response, text: await readBoundedText(response, this.config.maxResponseBytes, operation, transport.exactDeclaredLength) };
    if (this.config.logging) {
      const durationMs = Math.round(performance.now() - started);
      this.config.log('debug', 'response', { operation, status, attempt, durationMs, message: `HTTP ${status} in ${durationMs} ms` }, call.redactor);
    }
    if (!response.ok) throw this.#errorFor(call, answer);
    const parsed = endpoint.bodyless ? undefined : this.#parseJson(call, answer, endpoint.quotesBody);
    const checked = endpoint.read(parsed);
    if ('value' in checked) return checked.value;
    const bodyExcerpt = endpoint.quotesBody ? excerpt(answer.text, call.redactor) : undefined;
    const shown = bodyExcerpt === undefined ? '' : `: ${bodyExcerpt}`;
    throw new UnexpectedResponseError(`${operation}: HTTP ${status} ${checked.problem}${shown}`, { operation, status, bodyExcerpt });
  }

  /**
   * Runs `step` under one attempt's time limit (never past the call's deadline; `endsAt`) and the
   * caller's signal. Whatever goes wrong before a complete answer becomes AbortError, TimeoutError,
   * ClientClosedError or ConnectionError; typed errors pass through.
   */
  async #timed<T>(call: CallContext, step: (signal: AbortSignal, endsAt: number) => Promise<T>): Promise<T> {
    const { operation, signal: callerSignal } = call;
    if (callerSignal?.aborted) throw abortErrorFor(operation, callerSignal);
    const limitMs = call.deadline === undefined ? call.timeoutMs : Math.max(0, Math.min(call.timeoutMs, call.deadline - Date.now()));
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      return await step(controller.signal, Date.now() + limitMs);
    } catch (error) {
      const ownAbort = error instanceof AbortError && controller.signal.aborted;
      if (error instanceof NorthboundError && !ownAbort) throw error;
      if (callerSignal?.aborted) throw abortErrorFor(operation, callerSignal);
      if (timedOut) throw new TimeoutError(`${operation}: no complete response within ${limitMs} ms`, { operation });
      if (this.config.isClosed()) throw closedError(operation);
      throw new ConnectionError(`${operation}: could not reach the platform: ${describe(error, call.redactor)}`, {
        operation,
        cause: error,
        code: innermostCode(error),
      });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async #withRetries<T>(
    call: CallContext,
    maxRetries: number,
    attemptOnce: (attempt: number) => Promise<T>,
    mayRetry: (error: unknown) => boolean,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce(attempt);
      } catch (error) {
        if (!isRetryable(error) || !mayRetry(error) || attempt >= maxRetries || this.config.isClosed()) throw error;
        const delayMs = retryDelayMs(attempt, error.retryAfterMs);
        // No retry that could only start after the call's deadline.
        if (delayMs === undefined || (call.deadline !== undefined && Date.now() + delayMs >= call.deadline)) throw error;
        this.config.log(
          'info',
          'retry',
          {
            operation: call.operation,
            attempt: attempt + 1,
            delayMs,
            message: `${error.name}; retry ${attempt + 1} of ${maxRetries} in ${delayMs} ms`,
            ...(error.status === undefined ? {} : { status: error.status }),
          },
          call.redactor,
        );
        await sleep(delayMs, call.signal, call.operation);
      }
    }
  }

  #errorFor(call: CallContext, { response, text }: Answer): NorthboundError {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the error quotes the (redacted) text.
    }
    const { operation, redactor } = call;
    const error = errorFromResponse(operation, response.status, body, parseRetryAfter(response.headers.get('retry-after')), redactor);
    const fields = { operation, status: response.status, message: error.message, ...(error.errorCode ? { errorCode: error.errorCode } : {}) };
    this.config.log('warn', 'failure', fields, redactor);
    return error;
  }

  #parseJson(call: CallContext, { response, text }: Answer, quotesBody: boolean): unknown {
    try {
      return JSON.parse(text);
    } catch {
      const bodyExcerpt = quotesBody ? excerpt(text, call.redactor) : undefined;
      const shown = quotesBody ? `: ${bodyExcerpt === '' ? '(empty)' : bodyExcerpt}` : '';
      throw new UnexpectedResponseError(`${call.operation}: HTTP ${response.status} body is not JSON${shown}`, {
        operation: call.operation,
        status: response.status,
        bodyExcerpt,
      });
    }
  }

  #checkOpen(call: CallContext): void {
    if (this.config.isClosed()) throw closedError(call.operation);
  }
}

function closedError(operation: NorthboundOperation): ClientClosedError {
  return new ClientClosedError(`${operation}: the client was closed with close(); create a new one`, { operation });
}

/** fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED, certificate errors) in `cause`. */
function describe(error: unknown, redactor: Redactor): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return redactor.redact(parts.length > 0 ? parts.join(': ') : String(error));
}

/** fetch wraps the system error; the code worth reporting is the deepest one. */
function innermostCode(error: unknown): string | undefined {
  let code: string | undefined;
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    const candidate = (current as { code?: unknown }).code;
    if (typeof candidate === 'string') code = candidate;
    current = current.cause;
  }
  return code;
}
