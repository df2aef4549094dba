import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type IPrismDiagnostic } from '@stoplight/prism-core';
import { createInstance, type IHttpConfig, type IHttpRequest, type IHttpResponse } from '@stoplight/prism-http';
import { isLeft, right } from 'fp-ts/lib/Either.js';
import { normaliseDynamicPage, normaliseDynamicToken } from './dynamic.js';
import { MockServerOptionsError, MockServerStartError } from './errors.js';
import { pagedTaskPage, pagedTaskSize, type PageQuery } from './paged-task.js';
import { classifyRequest, exampleForRejection, FALLBACK_REJECTIONS, type Rejection } from './platform.js';
import { parsePreferHeader, ScenarioError, type MockPreferences } from './prefer.js';
import { loadSpec, type HttpOperation, type LoadedOperation, type LoadedSpec } from './spec.js';
import { TokenLedger } from './tokens.js';

/** Where the mock writes what it does. The library is silent unless given one; the CLI logs to the console. */
export interface MockLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** One way a request or a response departs from the contract (proxy mode reports these). */
export interface ContractViolation {
  /** `request` or `response`, then the path inside it, e.g. `['response', 'body', 'totalCount']`. */
  readonly location: readonly string[];
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly code: string | number | undefined;
  readonly message: string;
  readonly method: string;
  readonly path: string;
}

export interface MockServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Address to bind. Loopback by default; anything else must be asked for here. */
  host?: string;
  /** Generate bodies from the schemas instead of serving the spec's examples. */
  dynamic?: boolean;
  /**
   * Validation-proxy mode: forward every request to this upstream (a real server) and report
   * every contract violation of the request or of the upstream's answer instead of mocking.
   */
  proxy?: string | URL;
  logger?: MockLogger;
  /** Called for every contract violation found (proxy mode, or a mock answer that broke the spec). */
  onViolation?: (violation: ContractViolation) => void;
}

export interface MockServer {
  /** Base URL to give a client, e.g. `http://127.0.0.1:43127`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops listening and drops open connections; resolves once the port is free. Safe to call twice. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REASON_HEADER_CHARS = 1024;
// Same cap as Prism's own server: larger headers get dropped by proxies.
const MAX_VIOLATIONS_HEADER_CHARS = 8 * 1024 - 100;
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;

const silentLogger: MockLogger = { info() {}, warn() {}, error() {} };

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

interface ResolvedOptions {
  port: number;
  host: string;
  dynamic: boolean;
  proxy: URL | undefined;
  logger: MockLogger;
  onViolation: ((violation: ContractViolation) => void) | undefined;
}

function resolveOptions(options: MockServerOptions): ResolvedOptions {
  const { port = 0, host = '127.0.0.1', dynamic = false, proxy, logger = silentLogger, onViolation } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockServerOptionsError('port', `must be an integer from 0 to 65535, got ${String(port)}`);
  }
  if (typeof host !== 'string' || host.trim() === '') throw new MockServerOptionsError('host', 'must be a non-empty string');
  if (typeof dynamic !== 'boolean') throw new MockServerOptionsError('dynamic', 'must be true or false');
  let upstream: URL | undefined;
  if (proxy !== undefined) {
    try {
      upstream = new URL(String(proxy));
    } catch {
      throw new MockServerOptionsError('proxy', `must be an absolute http(s) URL, got "${String(proxy)}"`);
    }
    if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') {
      throw new MockServerOptionsError('proxy', `must be an http or https URL, got "${upstream.protocol}"`);
    }
  }
  return { port, host, dynamic, proxy: upstream, logger, onViolation };
}

/**
 * Starts the mock of the northbound API, answering from the bundled spec the way the platform
 * does. `await using`-free on purpose: call `close()` in `afterAll` or a global teardown.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const resolved = resolveOptions(options);
  const spec = await loadSpec();
  const handler = resolved.proxy ? createProxyHandler(spec, resolved, resolved.proxy) : createMockHandler(spec, resolved);

  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      resolved.logger.error(`${req.method} ${req.url}: mock server failure: ${String((error as Error)?.stack ?? error)}`);
      if (!res.headersSent) sendProblem(res, 500, 'MOCK_SERVER_FAILURE', 'The mock server failed', String(error));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.close();
      reject(new MockServerStartError(resolved.host, resolved.port, error.code, { cause: error }));
    };
    server.once('error', onError);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(address.address)}:${address.port}`;
  if (!isLoopbackHost(resolved.host)) {
    resolved.logger.warn(`Listening on ${address.address}:${address.port}, which other machines can reach (host was set explicitly)`);
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    host: address.address,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold the port until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function urlHost(address: string): string {
  // A wildcard bind is reached through loopback from this machine.
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface ReadRequest {
  input: IHttpRequest;
  /** Why the body could not be read, if it could not. */
  bodyProblem: string | undefined;
  /** Set when a path segment is not valid percent-encoding. */
  pathProblem: string | undefined;
  /** The body was cut off unread: the connection cannot be reused. */
  bodyTruncated: boolean;
}

async function readRequest(req: IncomingMessage): Promise<ReadRequest> {
  const url = new URL(req.url ?? '/', 'http://mock.invalid');
  let pathProblem: string | undefined;
  // Prism throws on a path it cannot decode; route a decodable stand-in and reject it afterwards.
  const path = url.pathname
    .split('/')
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        pathProblem = `the path segment "${segment}" is not valid percent-encoded UTF-8`;
        return segment.replaceAll('%', '%25');
      }
    })
    .join('/');
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const { text, tooLarge } = await readBody(req);
  let body: unknown = text;
  let bodyProblem: string | undefined = tooLarge ? `the body is larger than ${MAX_BODY_BYTES} bytes` : undefined;
  if (text === undefined) body = undefined;
  else if (/^application\/([\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
    try {
      body = JSON.parse(text);
    } catch {
      bodyProblem = 'the body is not valid JSON';
    }
  }
  return {
    input: {
      method: (req.method ?? 'GET').toLowerCase() as IHttpRequest['method'],
      url: { path, query },
      headers: req.headers as Record<string, string>,
      body,
    },
    bodyProblem,
    pathProblem,
    bodyTruncated: tooLarge,
  };
}

async function readBody(req: IncomingMessage): Promise<{ text: string | undefined; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { text: undefined, tooLarge: true };
    chunks.push(chunk);
  }
  return { text: size === 0 ? undefined : Buffer.concat(chunks).toString('utf8'), tooLarge: false };
}

const baseConfig = {
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic: false },
} as const;

interface InspectionResult {
  readonly operationIid: string;
  readonly validations: IPrismDiagnostic[];
}

function createMockHandler(spec: LoadedSpec, options: ResolvedOptions): Handler {
  const prismLogger = createLogger('MOCK', { level: 'silent' });
  // First pass: Prism routes and validates only; its mock step hands back what it found, so the
  // platform's answer to a rejected request can be chosen before anything is mocked.
  const inspector = createInstance(
    { ...baseConfig, checkSecurity: true, validateRequest: true, validateResponse: false },
    {
      logger: prismLogger,
      mock:
        ({ resource, input }) =>
        () =>
          right({ statusCode: 0, body: { operationIid: resource.iid ?? resource.id, validations: input.validations } }),
    },
  );
  // Second pass: Prism produces the answer (example, forced code/example, or generated body).
  const mocker = createInstance({ ...baseConfig, checkSecurity: false, validateRequest: false, validateResponse: true }, { logger: prismLogger });
  // Only the newest token of an application is valid: what this mock instance issued, per appId.
  const ledger = new TokenLedger();

  return async (req, res) => {
    const { input, bodyProblem, pathProblem, bodyTruncated } = await readRequest(req);
    if (bodyTruncated) res.setHeader('connection', 'close');
    const label = `${input.method.toUpperCase()} ${input.url.path}`;

    const inspected = await inspector.request(input, spec.operations)();
    if (isLeft(inspected)) {
      const error = inspected.left as Error & { status?: number };
      options.logger.warn(`${label} -> ${error.status ?? 500} (${error.message})`);
      return sendProblem(res, error.status ?? 500, error.name, error.message, 'The path and method are not part of the contract.');
    }
    const { operationIid, validations } = inspected.right.output.body as InspectionResult;
    const loaded = spec.byId.get(operationIid)!;
    const pathParams = matchPathParams(loaded.operation, input.url.path);

    let rejection: Rejection | undefined = classifyRequest(loaded.operation, req.headers, validations);
    if (rejection?.reason !== 'security') {
      // Credentials come first, as on the platform: a superseded token beats a bad query.
      const tokenProblem = issuedTokenProblem(ledger, loaded.operation, req.headers);
      if (tokenProblem) rejection = { reason: 'security', details: [tokenProblem] };
    }
    const inputProblem = pathProblem ?? bodyProblem;
    if (!rejection && inputProblem) rejection = { reason: 'invalid', details: [inputProblem] };
    if (rejection) {
      const example = exampleForRejection(loaded, rejection.reason);
      const reason = `${rejection.reason}: ${rejection.details.join('; ')}`;
      res.setHeader('x-mock-reason', headerSafe(reason, MAX_REASON_HEADER_CHARS));
      if (!example) {
        const fallback = FALLBACK_REJECTIONS[rejection.reason];
        options.logger.info(`${label} -> ${fallback.statusCode} ${fallback.body.error_code} (${reason})`);
        return sendJson(res, fallback.statusCode, fallback.body);
      }
      return mockAndSend(input, { code: example.statusCode, exampleKey: example.key, dynamic: false }, ` (${reason})`);
    }

    let preferences: MockPreferences;
    let forced: { code: number; exampleKey: string | undefined } | undefined;
    try {
      preferences = parsePreferHeader(req.headers.prefer);
      forced = resolveScenario(loaded, preferences);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      options.logger.warn(`${label} -> 422 (${error.message})`);
      return sendProblem(res, 422, 'UNKNOWN_SCENARIO', 'The Prefer header asks for a response the contract does not define', error.message);
    }

    const pageQuery = readPageQuery(input);
    const operationId = pathParams.operationId;
    const pagedSize = operationIid === 'queryUpgradeSubTask' && operationId !== undefined ? pagedTaskSize(operationId) : undefined;
    if (!forced && pagedSize !== undefined) {
      options.logger.info(`${label} -> 200 paged task of ${pagedSize} (page ${pageQuery.pageNo})`);
      return sendJson(res, 200, pagedTaskPage(operationId!, pagedSize, pageQuery));
    }

    const dynamic = forced?.exampleKey === undefined && (preferences.dynamic ?? options.dynamic);
    return mockAndSend(input, {
      dynamic,
      ...(forced && { code: forced.code, exampleKey: forced.exampleKey }),
      ...(preferences.seed !== undefined && { seed: preferences.seed }),
    });

    async function mockAndSend(request: IHttpRequest, mock: Extract<IHttpConfig, { isProxy: false }>['mock'], note = ''): Promise<void> {
      const result = await mocker.request(request, spec.operations, {
        ...baseConfig,
        checkSecurity: false,
        validateRequest: false,
        validateResponse: true,
        mock,
      })();
      if (isLeft(result)) {
        const error = result.left as Error & { status?: number };
        options.logger.error(`${label} -> ${error.status ?? 500} (${error.message})`);
        return sendProblem(res, error.status ?? 500, error.name, error.message, String((error as { detail?: unknown }).detail ?? ''));
      }
      const { output, validations: found } = result.right;
      let body = output.body;
      if (mock.dynamic && output.statusCode === 200) {
        if (operationIid === 'queryUpgradeSubTask') body = normaliseDynamicPage(body, pageQuery);
        else if (operationIid === 'getAuthToken' || operationIid === 'refreshAuthToken') body = normaliseDynamicToken(body);
      }
      // The default answer of a login or refresh (no Prefer, no rejection): a freshly minted token
      // pair that supersedes the application's earlier tokens, with the example's other fields.
      const isTokenCall = operationIid === 'getAuthToken' || operationIid === 'refreshAuthToken';
      if (isTokenCall && output.statusCode === 200 && !mock.dynamic && mock.code === undefined && mock.exampleKey === undefined) {
        const appId = requestAppId(request);
        if (appId !== undefined && isObject(body)) body = { ...body, ...ledger.issue(appId) };
      }
      // The mock checks its own answers too: a violation here means the spec's examples are wrong.
      reportViolations(res, options, input, [], found.output);
      options.logger.info(`${label} -> ${output.statusCode}${mock.exampleKey ? ` ${mock.exampleKey}` : ''}${mock.dynamic ? ' (dynamic)' : ''}${note}`);
      return sendOutput(res, { ...output, body });
    }
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The appId of a login (form field) or a refresh (JSON member), as validated by Prism. */
function requestAppId(request: IHttpRequest): string | undefined {
  const { body } = request;
  let appId: unknown;
  if (typeof body === 'string') appId = new URLSearchParams(body).get('appId');
  else if (isObject(body)) appId = body.appId;
  return typeof appId === 'string' && appId !== '' ? appId : undefined;
}

/**
 * Why the platform would refuse the request's token although it is well formed: this mock issued
 * it, and since then issued a newer one to the same application, or issued it to another one.
 * Tokens the mock never issued pass (see TokenLedger).
 */
function issuedTokenProblem(
  ledger: TokenLedger,
  operation: HttpOperation,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): string | undefined {
  const schemes = (operation.security ?? []).flat();
  if (schemes.length === 0) return undefined;
  let appKeyHeader = 'app_key';
  for (const scheme of schemes) if (scheme.type === 'apiKey' && scheme.in === 'header') appKeyHeader = scheme.name;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const appKey = first(headers[appKeyHeader.toLowerCase()])?.trim();
  const token = /^Bearer +(\S+)$/.exec(first(headers.authorization)?.trim() ?? '')?.[1];
  if (!appKey || token === undefined) return undefined;
  const problem = ledger.check(appKey, token);
  if (problem === 'superseded token') return `${problem}: a newer access token was issued to app_key ${appKey} since`;
  if (problem === 'token issued to another application') return `${problem}: the access token was not issued to app_key ${appKey}`;
  return undefined;
}

/** Turns `Prefer: code=...` / `example=...` into the status code and example Prism must serve. */
function resolveScenario(
  loaded: LoadedOperation,
  preferences: MockPreferences,
): { code: number; exampleKey: string | undefined } | undefined {
  const id = loaded.operation.iid ?? loaded.operation.id;
  if (preferences.example !== undefined) {
    const example = loaded.examples.get(preferences.example);
    if (!example) {
      throw new ScenarioError(
        `${id} has no example "${preferences.example}"; its examples are ${[...loaded.examples.keys()].join(', ')}`,
      );
    }
    if (preferences.code !== undefined && preferences.code !== example.statusCode) {
      throw new ScenarioError(`example "${example.key}" of ${id} is a ${example.statusCode} response, not ${preferences.code}`);
    }
    return { code: example.statusCode, exampleKey: example.key };
  }
  if (preferences.code !== undefined) {
    if (!loaded.statusCodes.includes(preferences.code)) {
      throw new ScenarioError(`${id} defines no ${preferences.code} response; it defines ${loaded.statusCodes.join(', ')}`);
    }
    return { code: preferences.code, exampleKey: undefined };
  }
  return undefined;
}

function readPageQuery(input: IHttpRequest): PageQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = input.url.query ?? {};
  const pageNo = first(query.pageNo);
  const pageSize = first(query.pageSize);
  return {
    pageNo: pageNo === undefined ? 0 : Number.parseInt(pageNo, 10),
    pageSize: pageSize === undefined ? 10 : Number.parseInt(pageSize, 10),
    status: first(query.subOperationStatus),
  };
}

/** Decoded path parameters (the path was made decodable by readRequest). */
function matchPathParams(operation: HttpOperation, path: string): Record<string, string> {
  const names: string[] = [];
  // Braces are left unescaped so the template's {name} placeholders can be swapped for groups.
  const pattern = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return {};
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    params[name] = decodeURIComponent(match[index + 1]!);
  });
  return params;
}

function createProxyHandler(spec: LoadedSpec, options: ResolvedOptions, upstream: URL): Handler {
  const prism = createInstance(
    {
      errors: false,
      upstreamProxy: undefined,
      isProxy: true,
      upstream,
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      mock: { dynamic: false },
    },
    { logger: createLogger('PROXY', { level: 'silent' }) },
  );
  return async (req, res) => {
    const { input } = await readRequest(req);
    const label = `${input.method.toUpperCase()} ${input.url.path}`;
    const result = await prism.request(input, spec.operations)();
    if (isLeft(result)) {
      const error = result.left as Error & { status?: number; type?: string };
      const invalidJson = (error as { type?: string }).type === 'invalid-json';
      if (invalidJson) {
        reportViolations(res, options, input, [], [
          { path: ['body'], severity: 0, code: 'invalid-json', message: 'The upstream answered a JSON content type with a body that is not JSON' },
        ]);
      }
      options.logger.error(`${label} -> upstream ${upstream.origin} failed: ${error.message}`);
      return sendProblem(res, error.status ?? 502, 'UPSTREAM_FAILED', `The upstream ${upstream.origin} could not be used`, error.message);
    }
    const { output, validations } = result.right;
    reportViolations(res, options, input, validations.input, validations.output);
    options.logger.info(`${label} -> ${output.statusCode} from ${upstream.origin}`);
    return sendOutput(res, output);
  };
}

function reportViolations(
  res: ServerResponse,
  options: ResolvedOptions,
  input: IHttpRequest,
  inputDiagnostics: readonly IPrismDiagnostic[],
  outputDiagnostics: readonly IPrismDiagnostic[],
): void {
  const method = input.method.toUpperCase();
  const toViolation = (prefix: string) => (d: IPrismDiagnostic): ContractViolation => ({
    location: [prefix, ...(d.path ?? [])],
    severity: SEVERITY_NAMES[d.severity] ?? 'error',
    code: d.code,
    message: d.message,
    method,
    path: input.url.path,
  });
  const violations = [...inputDiagnostics.map(toViolation('request')), ...outputDiagnostics.map(toViolation('response'))];
  if (violations.length === 0) return;
  // The same header Prism's own server sets, so existing Prism tooling reads it.
  let header = JSON.stringify(violations.map(({ location, severity, code, message }) => ({ location, severity, code, message })));
  if (header.length > MAX_VIOLATIONS_HEADER_CHARS) header = `Too many violations! ${header.slice(0, MAX_VIOLATIONS_HEADER_CHARS)}`;
  res.setHeader('sl-violations', headerSafe(header, Number.POSITIVE_INFINITY));
  for (const violation of violations) {
    const message = `Violation: ${method} ${input.url.path}: ${violation.location.join('.')} ${violation.message}`;
    if (violation.severity === 'error') options.logger.error(message);
    else options.logger.warn(message);
    options.onViolation?.(violation);
  }
}

function sendOutput(res: ServerResponse, output: IHttpResponse): void {
  for (const [name, value] of Object.entries(output.headers ?? {})) {
    // The body is serialised again here, so the upstream's length no longer applies.
    if (name.toLowerCase() === 'content-length') continue;
    res.setHeader(name, value);
  }
  const { body } = output;
  if (body === undefined || body === null) {
    res.writeHead(output.statusCode).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
  res.writeHead(output.statusCode, { 'content-length': Buffer.byteLength(text) }).end(text);
}

function sendJson(res: ServerResponse, statusCode: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(statusCode, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Answers the mock itself gives (not the platform's): RFC 9457 problem+json, like Prism. */
function sendProblem(res: ServerResponse, status: number, type: string, title: string, detail: string): void {
  const text = JSON.stringify({ type, title, status, detail });
  res.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(text) }).end(text);
}

function headerSafe(value: string, maxChars: number): string {
  // Header values must be visible ASCII; anything else would make Node throw.
  const ascii = value.replace(/[^\x20-\x7e]/g, '?');
  return ascii.length > maxChars ? `${ascii.slice(0, maxChars - 3)}...` : ascii;
}
