// The mock's decisions, as named steps: route -> reject -> scenario -> produce -> normalise.
// Prism is used twice: a first instance only routes and validates (its mock component hands the
// findings back), a second, stock one serves the example, the Prefer choice or a generated body.
import { createLogger, type IPrismDiagnostic } from '@stoplight/prism-core';
import { createInstance, type IHttpConfig, type IHttpRequest } from '@stoplight/prism-http';
import { isLeft, right } from 'fp-ts/lib/Either.js';
import { createMockState, type MockState, type RequestContext } from './context.js';
import { headerSafe, jsonAnswer, problemAnswer, type Answer, type IncomingCall } from './http.js';
import type { ProducedAnswer } from './behaviours/behaviour.js';
import { behaviourOf } from './behaviours/operations.js';
import type { ResolvedOptions } from './options.js';
import { exampleForRejection, fallbackForRejection, type Rejection } from './platform.js';
import { ScenarioError } from './prefer.js';
import { readDeclaredQuery } from './query.js';
import { rejectRequest } from './reject.js';
import { allowedMethods, findOperation, matchPathParams } from './route.js';
import { chooseScenario, type Scenario } from './scenario.js';
import type { LoadedSpec } from './spec.js';
import { reportViolations } from './violations.js';

export type CallHandler = (call: IncomingCall) => Promise<Answer>;

type MockConfig = Extract<IHttpConfig, { isProxy: false }>['mock'];

const MAX_REASON_HEADER_CHARS = 1024;

const baseConfig = { errors: false, upstreamProxy: undefined, isProxy: false, mock: { dynamic: false } } as const;

interface Inspection {
  readonly operationIid: string;
  readonly validations: IPrismDiagnostic[];
}

/** What the steps share: the spec, the two Prism passes and this instance's state. */
interface Engine {
  readonly spec: LoadedSpec;
  readonly options: ResolvedOptions;
  readonly inspector: ReturnType<typeof createInstance>;
  readonly mocker: ReturnType<typeof createInstance>;
  readonly state: MockState;
}

export function createMockHandler(spec: LoadedSpec, options: ResolvedOptions): CallHandler {
  const prismLogger = createLogger('MOCK', { level: 'silent' });
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
  const mocker = createInstance({ ...baseConfig, checkSecurity: false, validateRequest: false, validateResponse: true }, { logger: prismLogger });
  const engine: Engine = { spec, options, inspector, mocker, state: createMockState(spec, options.simulation, options.throttle) };

  return async (call) => {
    const context = await route(engine, call);
    if (!('call' in context)) return context;
    const rejection = rejectRequest(context);
    if (rejection) return answerRejection(engine, context, rejection);
    const scenario = scenarioOf(engine, context);
    if (!('dynamic' in scenario)) return scenario;
    return produce(engine, context, scenario);
  };
}

/** Route: which operation the request is for, validated by Prism against its declared query only. */
async function route({ spec, options, inspector, state }: Engine, call: IncomingCall): Promise<RequestContext | Answer> {
  const label = `${call.method.toUpperCase()} ${call.path}`;
  const found = findOperation(spec, call.method, call.path);
  const query = found ? readDeclaredQuery(found, call.query) : undefined;
  const input: IHttpRequest = {
    method: call.method as IHttpRequest['method'],
    url: { path: call.path, query: query?.canonical ?? call.query },
    headers: call.headers as Record<string, string>,
    body: call.body,
  };
  const inspected = await inspector.request(input, spec.operations)();
  if (isLeft(inspected)) {
    const error = inspected.left as Error & { status?: number };
    const status = error.status ?? 500;
    options.logger.info(`${label} -> ${status} (${error.message})`);
    // RFC 9110: a 405 names the methods the resource has.
    const allow = status === 405 ? { allow: allowedMethods(spec, call.path).join(', ') } : undefined;
    return problemAnswer(status, error.name, error.message, 'The path and method are not part of the contract.', allow);
  }
  const { operationIid, validations } = inspected.right.output.body as Inspection;
  const loaded = spec.byId.get(operationIid)!;
  return {
    call,
    input,
    loaded,
    operationId: operationIid,
    pathParams: matchPathParams(loaded.operation, call.path) ?? {},
    query: query ?? readDeclaredQuery(loaded.operation, call.query),
    diagnostics: validations,
    state,
    label,
  };
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
async function serve({ spec, options, mocker }: Engine, context: RequestContext, mock: MockConfig): Promise<Answer> {
  const config = { ...baseConfig, checkSecurity: false, validateRequest: false, validateResponse: true, mock };
  const result = await mocker.request(context.input, spec.operations, config)();
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
