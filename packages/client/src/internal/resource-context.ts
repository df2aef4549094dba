// What a resource module gets from the client: the pipeline, the client's token source, and the
// per-call settings resolved against the client's defaults.
import { pagingOf } from '@iodm-northbound/spec/constraints';
import type { CallOptions } from '../core/call-options.js';
import { ValidationError, type NorthboundOperation } from '../core/errors.js';
import { PageIterator, type PlatformPage } from '../core/pagination.js';
import type { CallContext, Endpoint, RequestPipeline } from './pipeline.js';
import type { Redactor } from './redact.js';
import { StaticTokenSource, type TokenSource } from './token-sources.js';
import { checkCredential, checkRetries, checkSignal, checkTimeout } from './validation.js';

interface ClientDefaults {
  maxRetries: number;
  timeoutMs: number;
  totalTimeoutMs: number | undefined;
}

export class ResourceContext {
  constructor(
    readonly pipeline: RequestPipeline,
    readonly tokens: TokenSource,
    readonly redactor: Redactor,
    private readonly defaults: ClientDefaults,
  ) {}

  /**
   * The settings of one call, checked before anything is sent. `callerSecrets` (a token the caller
   * passed for this call only) are redacted from this call's errors and log entries.
   */
  resolveCall(options: CallOptions, operation: NorthboundOperation, callerSecrets: readonly string[] = []): CallContext {
    const totalTimeoutMs = checkTimeout(options.totalTimeoutMs, 'totalTimeoutMs', operation) ?? this.defaults.totalTimeoutMs;
    return {
      operation,
      signal: checkSignal(options.signal, operation),
      maxRetries: checkRetries(options.maxRetries, 'maxRetries', operation) ?? this.defaults.maxRetries,
      timeoutMs: checkTimeout(options.timeoutMs, 'timeoutMs', operation) ?? this.defaults.timeoutMs,
      deadline: totalTimeoutMs === undefined ? undefined : Date.now() + totalTimeoutMs,
      redactor: callerSecrets.length === 0 ? this.redactor : this.redactor.withCallValues(callerSecrets),
    };
  }

  /**
   * Every page of a list endpoint, fetched as the loop asks. The options are checked now, so bad
   * input fails at the call rather than at the first `next()`; each page is then a call of its own,
   * with its own deadline. Without a `pageSize`, the largest the spec allows: the fewest requests.
   */
  pager<Input, Page extends PlatformPage<Item>, Item>(
    endpoint: Endpoint<Input, Page>,
    inputFor: (pageNo: number, pageSize: number) => Input,
    options: CallOptions,
    requestedPageSize: number | undefined,
    idOf: (item: Item) => string,
  ): PageIterator<Page, Item> {
    const { operation } = endpoint;
    const { signal } = this.resolveCall(options, operation);
    const pageSize = requestedPageSize ?? pagingOf(operation).pageSize.maximum;
    return new PageIterator<Page, Item>(
      (pageNo) => this.pipeline.call(endpoint, inputFor(pageNo, pageSize), this.resolveCall(options, operation), this.tokens),
      signal,
      operation,
      pageSize,
      idOf,
    );
  }

  /**
   * The token and settings of a Python-SDK-shaped call: with `accessToken`, that token is used as
   * is (never renewed) and hidden in this call's errors; the client keeps no copy. Without it
   * (`undefined` or `null`), the client's own token.
   */
  sdkCall(accessToken: string | null | undefined, operation: NorthboundOperation): { call: CallContext; tokens: TokenSource } {
    if (accessToken === undefined || accessToken === null) return { call: this.resolveCall({}, operation), tokens: this.tokens };
    const token = checkCredential(accessToken, 'accessToken', operation);
    return { call: this.resolveCall({}, operation, [token]), tokens: new StaticTokenSource(token) };
  }
}

/** Turns a synchronous ValidationError into a rejected promise, as callers of an async API expect. */
export function rejectingSync<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** `undefined` and `null` mean "no options"; anything else must be an object. */
export function checkOptionsObject<T extends object>(value: T | null | undefined, parameter: string, operation: NorthboundOperation): Partial<T> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') throw new ValidationError(parameter, `${parameter} must be an object or null`, operation);
  return value;
}
