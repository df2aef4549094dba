// The mock's decisions, as named steps: route -> reject -> scenario -> produce -> normalise.
// The request is routed once (route.ts); Prism is then used twice on that one operation, never
// routing again: a first instance only validates (its mock component hands the findings back), a
// second, stock one serves the example, the Prefer choice or a generated body. A request no
// operation fits is answered 404/405 from the same router.
import { createLogger, type IPrismDiagnostic } from '@stoplight/prism-core';
import { createInstance, NO_METHOD_MATCHED_ERROR, NO_PATH_MATCHED_ERROR, type IHttpConfig, type IHttpRequest } from '@stoplight/prism-http';
import { isLeft, right } from 'fp-ts/lib/Either.js';
import { createMockState, type MockState, type RequestContext } from './context.js';
import { headerSafe, jsonAnswer, problemAnswer, type Answer, type IncomingCall } from './http.js';
import type { ProducedAnswer } from './behaviours/behaviour.js';
import { behaviourOf } from './behaviours/operations.js';
import type { ResolvedOptions } from './options.js';
import { exampleForRejection, fallbackForRejection, type Rejection } from './platform.js';
import { forInputValidation } from './path-check.js';
import { ScenarioError } from './prefer.js';
import { readDeclaredQuery } from './query.js';
import { rejectRequest } from './reject.js';
import { allowedMethods, matchOperation } from './route.js';
import { chooseScenario, type Scenario } from './scenario.js';
import type { HttpOperation, LoadedSpec } from './spec.js';
import { reportViolations } from './violations.js';

/** An answer, and the spec's operationId of the request when the contract has its operation (for stats). */
export interface HandledCall {
  readonly answer: Answer;
  readonly operationId: string | undefined;
}

export type CallHandler = (call: IncomingCall) => Promise<HandledCall>;

type MockConfig = Extract<IHttpConfig, { isProxy: false }>['mock'];
type PrismInstance = ReturnType<typeof createInstance>;
type PrismRoute = NonNullable<Parameters<typeof createInstance>[1]['route']>;
type PrismMock = NonNullable<Parameters<typeof createInstance>[1]['mock']>;

interface Inspection {
  readonly validations: IPrismDiagnostic[];
}

const MAX_REASON_HEADER_CHARS = 1024;
/** The problem types of the mock's own answers are Prism's (`…#NO_PATH_MATCHED_ERROR`). */
const PRISM_ERRORS = 'https://stoplight.io/prism/errors#';
const NOT_IN_CONTRACT = 'The path and method are not part of the contract.';

const baseConfig = { errors: false, upstreamProxy: undefined, isProxy: false, mock: { dynamic: false } } as const;
const inspectConfig = { ...baseConfig, checkSecurity: true, validateRequest: true, validateResponse: false } as const;
const serveConfig = { ...baseConfig, checkSecurity: false, validateRequest: false, validateResponse: true } as const;

/** Prism is handed only the operation route.ts found: it is taken as is. */
const routedAlready: PrismRoute = ({ resources }) => right(resources[0]!);

/** What the steps share: the spec, the Prism passes and this instance's state. */
interface Engine {
  readonly spec: LoadedSpec;
  readonly options: ResolvedOptions;
  /** Security and input validation of the routed operation. */
  readonly inspector: PrismInstance;
  readonly mocker: PrismInstance;
  readonly state: MockState;
  /** `[operation]` for the mocker, one array per operation, made once. */
  readonly resources: WeakMap<HttpOperation, HttpOperation[]>;
  /** The same for the inspector, as forInputValidation hands it over. */
  readonly inspected: WeakMap<HttpOperation, HttpOperation[]>;
}

export function createMockHandler(spec: LoadedSpec, options: ResolvedOptions): CallHandler {
  const logger = createLogger('MOCK', { level: 'silent' });
  // Prism makes a child logger per request (NEGOTIATOR); a silent one needs no child of its own.
  logger.child = (() => logger) as typeof logger.child;
  // The inspection's mock component hands back what it was given instead of serving.
  const handBack: PrismMock = ({ input }) => () => right({ statusCode: 0, body: { validations: input.validations } satisfies Inspection });
  const inspector = createInstance(inspectConfig, { logger, route: routedAlready, mock: handBack });
  const mocker = createInstance(serveConfig, { logger, route: routedAlready });
  const resources = new WeakMap(spec.operations.map((operation) => [operation, [operation]]));
  const inspected = new WeakMap(spec.operations.map((operation) => [operation, [forInputValidation(operation)]]));
  const state = createMockState(spec, options.simulation, options.throttle, options.apps);
  const engine: Engine = { spec, options, inspector, mocker, state, resources, inspected };

  return async (call) => {
    const context = await route(engine, call);
    if (!('call' in context)) return { answer: context, operationId: undefined };
    return { answer: await answer(engine, context), operationId: context.operationId };
  };
}

async function answer(engine: Engine, context: RequestContext): Promise<Answer> {
  const rejection = rejectRequest(context);
  if (rejection) return answerRejection(engine, context, rejection);
  const scenario = scenarioOf(engine, context);
  if (!('dynamic' in scenario)) return scenario;
  return produce(engine, context, scenario);
}

/**
 * Route: which operation the request is for (routed once, here), validated by Prism against its
 * declared query only. A request no operation fits gets Prism's own 404 or 405.
 */
async function route(engine: Engine, call: IncomingCall): Promise<RequestContext | Answer> {
  const { spec, state } = engine;
  const label = `${call.method.toUpperCase()} ${call.path}`;
  const match = matchOperation(spec, call.method, call.path);
  if (!match) return unrouted(engine, call, label);
  const query = readDeclaredQuery(match.operation, call.query);
  const input: IHttpRequest = {
    method: call.method as IHttpRequest['method'],
    url: { path: call.path, query: query.canonical },
    headers: call.headers as Record<string, string>,
    body: call.body,
  };
  const inspected = await engine.inspector.request(input, resourcesOf(engine.inspected, match.operation))();
  if (isLeft(inspected)) return prismRefusal(engine, label, inspected.left);
  const { validations } = inspected.right.output.body as Inspection;
  const operationId = match.operation.iid ?? match.operation.id;
  return {
    call,
    input,
    loaded: spec.byId.get(operationId)!,
    operationId,
    pathParams: match.pathParams,
    query,
    diagnostics: validations,
    state,
    label,
  };
}

/**
 * A request no operation fits: 405 naming the methods the path has (RFC 9110), else 404, as
 * problem+json in Prism's words. The contract's router decides, so a path Prism's router would
 * stretch to fit (an empty path parameter) is a 404 too.
 */
function unrouted(engine: Engine, call: IncomingCall, label: string): Answer {
  const allowed = allowedMethods(engine.spec, call.path);
  const { type, title, status } = allowed.length > 0 ? NO_METHOD_MATCHED_ERROR : NO_PATH_MATCHED_ERROR;
  engine.options.logger.info(`${label} -> ${status} (${title})`);
  return problemAnswer(status, `${PRISM_ERRORS}${type}`, title, NOT_IN_CONTRACT, allowed.length > 0 ? { allow: allowed.join(', ') } : undefined);
}

/** Prism refused the routed request before any answer. */
function prismRefusal(engine: Engine, label: string, refusal: unknown): Answer {
  const error = refusal as Error & { status?: number };
  const status = error.status ?? 500;
  engine.options.logger.info(`${label} -> ${status} (${error.message})`);
  return problemAnswer(status, error.name, error.message, NOT_IN_CONTRACT);
}

function resourcesOf(byOperation: WeakMap<HttpOperation, HttpOperation[]>, operation: HttpOperation): HttpOperation[] {
  const resources = byOperation.get(operation);
  if (!resources) throw new Error(`${operation.method} ${operation.path} is not an operation of the loaded spec`);
  return resources;
}

/** The platform's answer to a rejected request: the spec's example of it, or the platform's body. */
async function answerRejection(engine: Engine, context: RequestContext, rejection: Rejection): Promise<Answer> {
  const reason = `${rejection.reason}: ${rejection.details.join('; ')}`;
  const reasonHeader = { 'x-mock-reason': headerSafe(reason, MAX_REASON_HEADER_CHARS) };
  const example = exampleForRejection(context.loaded, rejection.reason);
  if (!example) {
    const fallback = fallbackForRejection(rejection.reason);
    engine.options.logger.info(`${context.label} -> ${fallback.statusCode} ${fallback.body.error_code} (${reason})`);
    return jsonAnswer(fallback.statusCode, fallback.body, reasonHeader);
  }
  const served = await serve(engine, context, { code: example.statusCode, exampleKey: example.key, dynamic: false });
  engine.options.logger.info(`${context.label} -> ${served.statusCode} ${example.key} (${reason})`);
  return { ...served, headers: { ...served.headers, ...reasonHeader } };
}

/** Scenario: what the Prefer header asks for, or the 422 for asking what the contract lacks. */
function scenarioOf({ options }: Engine, context: RequestContext): Scenario | Answer {
  try {
    return chooseScenario(context.loaded, context.call.headers, options.dynamic);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    options.logger.info(`${context.label} -> 422 (${error.message})`);
    return problemAnswer(422, 'UNKNOWN_SCENARIO', 'The Prefer header asks for a response the contract does not define', error.message);
  }
}

/** Produce and normalise: the operation's own answer, else Prism's, made to answer this request. */
async function produce(engine: Engine, context: RequestContext, scenario: Scenario): Promise<Answer> {
  const { logger } = engine.options;
  const behaviour = behaviourOf(context.operationId);
  const produced = scenario.forced ? undefined : behaviour.produce?.(context);
  if (produced) return answerProduced(engine, context, produced);
  const served = await serve(engine, context, {
    dynamic: scenario.dynamic,
    ...(scenario.forced && { code: scenario.forced.code, exampleKey: scenario.forced.exampleKey }),
    ...(scenario.seed !== undefined && { seed: scenario.seed }),
  });
  const exampleKey = scenario.forced?.exampleKey;
  logger.info(`${context.label} -> ${served.statusCode}${exampleKey ? ` ${exampleKey}` : ''}${scenario.dynamic ? ' (dynamic)' : ''}`);
  if (served.statusCode !== 200 || !behaviour.normalise) return served;
  return { ...served, body: behaviour.normalise(served.body, context, { dynamic: scenario.dynamic, byScenario: scenario.forced !== undefined }) };
}

/** Writes what an operation produced: its own body, a named example of the spec, or a rejection. */
async function answerProduced(engine: Engine, context: RequestContext, produced: ProducedAnswer): Promise<Answer> {
  if ('rejection' in produced) return answerRejection(engine, context, produced.rejection);
  if ('exampleKey' in produced) {
    const example = context.loaded.examples.get(produced.exampleKey);
    if (!example) throw new Error(`${context.operationId} has no example ${produced.exampleKey} (the spec and the behaviour table disagree)`);
    const served = await serve(engine, context, { code: example.statusCode, exampleKey: example.key, dynamic: false });
    engine.options.logger.info(`${context.label} -> ${served.statusCode} ${example.key} (${produced.note})`);
    return served;
  }
  engine.options.logger.info(`${context.label} -> ${produced.statusCode} ${produced.note}`);
  return produced.body === undefined ? { statusCode: produced.statusCode } : jsonAnswer(produced.statusCode, produced.body);
}

/** Serves from the spec through Prism, checking the mock's own answer against the contract too. */
async function serve(engine: Engine, context: RequestContext, mock: MockConfig): Promise<Answer> {
  const { options } = engine;
  const result = await engine.mocker.request(context.input, resourcesOf(engine.resources, context.loaded.operation), { ...serveConfig, mock })();
  if (isLeft(result)) {
    const error = result.left as Error & { status?: number; detail?: unknown };
    options.logger.error(`${context.label} -> ${error.status ?? 500} (${error.message})`);
    return problemAnswer(error.status ?? 500, error.name, error.message, String(error.detail ?? ''));
  }
  const { output, validations } = result.right;
  // A violation here means the spec's examples are wrong.
  const violationHeaders = reportViolations(options, { method: context.input.method, path: context.input.url.path, request: [], response: validations.output });
  return { statusCode: output.statusCode, headers: { ...(output.headers as Record<string, string>), ...violationHeaders }, body: output.body };
}
