// The northbound client: checks credentials and options once, builds the request pipeline and
// the token source, and exposes the operations of its resource modules (src/resources/).
import type {
  AuthOutDTO,
  CreateUpgradeTaskInDTO,
  QueryUpgradeSubTaskOutDTO,
} from '@iodm-northbound/types';
import type { CallOptions } from './core/call-options.js';
import type { NorthboundClientOptions, NorthboundCredentials } from './core/client-options.js';
import type { PythonSdkMethods } from './core/python-sdk-methods.js';
import type { TypedMethods } from './core/typed-methods.js';
// [coordination hook] rate limit and shared tokens live in ./coordination/.
import { createCallGate } from './coordination/call-gate.js';
import { createTokenSource } from './coordination/token-source.js';
import { ValidationError } from './core/errors.js';
import { checkBaseUrl } from './internal/base-url.js';
import { defaultMaxResponseBytes } from './internal/bounded-body.js';
import { createLogSink, silentLogSink } from './internal/log-sink.js';
import { RequestPipeline, type CallContext } from './internal/pipeline.js';
import { minCredentialLength, Redactor } from './internal/redact.js';
import { ResourceContext } from './internal/resource-context.js';
import { defaultMaxRetries } from './internal/retries.js';
import { StaticTokenSource, type TokenSource } from './internal/token-sources.js';
import { createTransport, type Transport } from './internal/transport.js';
import { createRequestBuilder } from './internal/request-builder.js';
import { checkByteLimit, checkCredential, checkRetries, checkTimeout, isHeaderSafeToken } from './internal/validation.js';
import { loginEndpoint, refreshEndpoint } from './resources/auth-tokens.js';
import { Packages, type PackageListOptions, type PackageQuery, type QueryUpgradePackageListInDTO } from './resources/packages.js';
import { UpgradeTasks, type QueryUpgradeTaskListInDTO, type TaskListOptions, type TaskQuery } from './resources/upgrade-tasks.js';
import { SubTasks, type QueryUpgradeSubTaskInDTO, type SubTaskListOptions, type SubTaskPager, type SubTaskQuery } from './resources/sub-tasks.js';

/** The client {@link createNorthboundClient} returns: typed methods, and the Python SDK's call shapes for migrating code. */
export interface NorthboundClient extends TypedMethods, PythonSdkMethods {
  /**
   * Releases the TLS connection pool, if `tls` was given. Later calls fail with ClientClosedError; calls in flight finish or fail with ConnectionError.
   */
  close(): Promise<void>;
}

const defaultTimeoutMs = 30_000;

class NorthboundClientImpl implements NorthboundClient {
  readonly #transport: Transport;
  readonly #subTasks: SubTasks;
  readonly #packages: Packages;
  readonly #tasks: UpgradeTasks;
  #closed = false;

  constructor(credentials: NorthboundCredentials, options: NorthboundClientOptions) {
    if (typeof credentials !== 'object' || credentials === null) {
      throw new ValidationError('credentials', 'credentials must be { baseUrl, appId, secret } or { baseUrl, appId, accessToken }', null);
    }
    const baseUrl = checkBaseUrl(credentials.baseUrl);
    if (!isHeaderSafeToken(credentials.appId)) {
      throw new ValidationError('appId', 'appId must be a non-empty string of printable ASCII without spaces', null);
    }
    const appId = credentials.appId;
    const defaults = {
      maxRetries: checkRetries(options.maxRetries, 'maxRetries', null) ?? defaultMaxRetries,
      timeoutMs: checkTimeout(options.timeoutMs, 'timeoutMs', null) ?? defaultTimeoutMs,
      totalTimeoutMs: checkTimeout(options.totalTimeoutMs, 'totalTimeoutMs', null),
    };
    const maxResponseBytes = checkByteLimit(options.maxResponseBytes, 'maxResponseBytes') ?? defaultMaxResponseBytes;
    if (options.fetch !== undefined && typeof options.fetch !== 'function') {
      throw new ValidationError('fetch', 'fetch must be a function', null);
    }
    if (options.logger !== undefined && typeof options.logger !== 'function') {
      throw new ValidationError('logger', 'logger must be a function', null);
    }
    const redactor = new Redactor();
    const logSink = createLogSink(options.logger, redactor);
    const log = logSink ?? silentLogSink;

    const hasSecret = typeof credentials.secret === 'string' && credentials.secret !== '';
    const hasToken = credentials.accessToken !== undefined;
    if (hasSecret === hasToken) {
      throw new ValidationError('credentials', 'give exactly one of secret (the client logs in) or accessToken (a token you manage)', null);
    }
    this.#transport = createTransport(options.fetch, options.tls);
    // Requests are built as openapi-fetch builds them (redirects not followed); the pipeline hands each one the fetch it sends through.
    const api = createRequestBuilder(baseUrl, this.#transport.Request);
    const pipeline = new RequestPipeline({
      api,
      transport: this.#transport,
      appId,
      log,
      logging: logSink !== undefined,
      maxResponseBytes,
      callGate: createCallGate(options, { baseUrl, appId, log }), // [coordination hook]
      isClosed: () => this.#closed,
    });

    let tokens: TokenSource;
    if (hasToken) {
      const accessToken = checkCredential(credentials.accessToken, 'accessToken', null);
      redactor.pin(accessToken);
      tokens = new StaticTokenSource(accessToken);
    } else {
      const secret = checkSecret(credentials.secret as string);
      redactor.pin(secret);
      // Login and refresh run under the client's own limits: they are shared by every waiting call.
      const tokenCall = (operation: CallContext['operation']): CallContext => ({
        operation,
        signal: undefined,
        maxRetries: 0,
        timeoutMs: defaults.timeoutMs,
        deadline: undefined,
        redactor,
      });
      const endpoints = {
        login: (): Promise<AuthOutDTO> => pipeline.call(loginEndpoint, { appId, secret }, tokenCall('getAuthToken')),
        refresh: (refreshToken: string): Promise<AuthOutDTO> =>
          pipeline.call(refreshEndpoint, { appId, secret, refreshToken }, tokenCall('refreshAuthToken')),
      };
      // [coordination hook] own token source, or the coordinator's shared one
      tokens = createTokenSource(options.coordinator, { baseUrl, appId, secret, endpoints, redactor, log });
    }
    const context = new ResourceContext(pipeline, tokens, redactor, defaults);
    this.#subTasks = new SubTasks(context);
    this.#packages = new Packages(context);
    this.#tasks = new UpgradeTasks(context);
  }

  querySubTasks(operationId: string, query?: SubTaskQuery): Promise<QueryUpgradeSubTaskOutDTO> {
    return this.#subTasks.query(operationId, query);
  }

  listSubTasks(operationId: string, options?: SubTaskListOptions): SubTaskPager {
    return this.#subTasks.list(operationId, options);
  }

  queryUpgradeSubTask(qustInDTO: QueryUpgradeSubTaskInDTO | null | undefined, operationId: string, accessToken?: string | null) {
    return this.#subTasks.queryAsPythonSdk(qustInDTO, operationId, accessToken);
  }

  queryPackages(query?: PackageQuery) {
    return this.#packages.query(query);
  }
  listPackages(options?: PackageListOptions) {
    return this.#packages.list(options);
  }
  getPackage(fileId: string, options?: CallOptions) {
    return this.#packages.get(fileId, options);
  }
  deletePackage(fileId: string, options?: CallOptions) {
    return this.#packages.delete(fileId, options);
  }
  createFirmwareTask(body: CreateUpgradeTaskInDTO, options?: CallOptions) {
    return this.#tasks.create('createFirmwareUpgradeTask', body, options);
  }
  createSoftwareTask(body: CreateUpgradeTaskInDTO, options?: CallOptions) {
    return this.#tasks.create('createSoftwareUpgradeTask', body, options);
  }
  getTask(operationId: string, options?: CallOptions) {
    return this.#tasks.get(operationId, options);
  }
  queryTasks(query?: TaskQuery) {
    return this.#tasks.query(query);
  }
  listTasks(options?: TaskListOptions) {
    return this.#tasks.list(options);
  }

  queryUpgradePackageList(quplInDTO: QueryUpgradePackageListInDTO | null | undefined, accessToken?: string | null) {
    return this.#packages.queryAsPythonSdk(quplInDTO, accessToken);
  }
  queryUpgradePackage(fileId: string, accessToken?: string | null) {
    return this.#packages.getAsPythonSdk(fileId, accessToken);
  }
  deleteUpgradePackage(fileId: string, accessToken?: string | null) {
    return this.#packages.deleteAsPythonSdk(fileId, accessToken);
  }
  createFirmwareUpgradeTask(cutInDTO: CreateUpgradeTaskInDTO, accessToken?: string | null) {
    return this.#tasks.createAsPythonSdk('createFirmwareUpgradeTask', cutInDTO, accessToken);
  }
  createSoftwareUpgradeTask(cutInDTO: CreateUpgradeTaskInDTO, accessToken?: string | null) {
    return this.#tasks.createAsPythonSdk('createSoftwareUpgradeTask', cutInDTO, accessToken);
  }
  queryUpgradeTask(operationId: string, accessToken?: string | null) {
    return this.#tasks.getAsPythonSdk(operationId, accessToken);
  }
  queryUpgradeTaskList(qutlInDTO: QueryUpgradeTaskListInDTO | null | undefined, accessToken?: string | null) {
    return this.#tasks.queryAsPythonSdk(qutlInDTO, accessToken);
  }

  close(): Promise<void> {
    this.#closed = true;
    return this.#transport.close();
  }
}

function checkSecret(secret: string): string {
  if (secret.length < minCredentialLength) {
    throw new ValidationError('secret', `secret is shorter than ${minCredentialLength} characters, too short to redact safely from errors and logs`, null);
  }
  return secret;
}

/**
 * Creates a client for the platform's northbound API. Nothing is sent until the first call; with
 * `secret`, that call logs in.
 *
 * @param credentials `{ baseUrl, appId, secret }` (the client manages tokens) or `{ baseUrl, appId, accessToken }` (a token you manage).
 * @param options Time limits, retries, response size, `fetch`, `tls`, `logger`, `rateLimit`, `coordinator`: see {@link NorthboundClientOptions}.
 * @throws {ValidationError} bad credentials (not exactly one of `secret` and `accessToken`, a secret shorter than 8 characters, a `baseUrl` that is not http(s) without credentials) or a bad option; `operation` is `null`.
 * @example
 * ```ts
 * const client = createNorthboundClient({ baseUrl: 'https://203.0.113.10:8743', appId, secret }, { totalTimeoutMs: 60_000 });
 * for await (const subtask of client.listSubTasks(operationId, { status: 'fail' })) console.log(subtask.deviceId);
 * await client.close();
 * ```
 */
export function createNorthboundClient(credentials: NorthboundCredentials, options: NorthboundClientOptions = {}): NorthboundClient {
  return new NorthboundClientImpl(credentials, options ?? {});
}
