// openapi-diff (Atlassian, maintained, reads OpenAPI 3.0.x) as the second opinion: its verdicts on
// paths, operations, status codes, response headers and request/response bodies, translated into
// findings with plain-words locations.
import { type ChildProcess, fork } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { code, type Finding, type Severity } from './findings.js';
import type { JsonObject } from './sources.js';
import { withoutUnchangedPaths } from './unchanged-paths.js';

/** The parts of openapi-diff's DiffResult this module reads. */
interface LibraryDiffResult {
  type: Severity;
  code: string;
  sourceSpecEntityDetails: Array<{ location: string }>;
  destinationSpecEntityDetails: Array<{ location: string }>;
}

const titles = new Map<string, string>(
  Object.entries({
    'path.add': 'Path added',
    'path.remove': 'Path removed',
    'method.add': 'Operation added',
    'method.remove': 'Operation removed',
    'request.body.scope.add': 'Request body accepts more values',
    'request.body.scope.remove': 'Request body accepts fewer values',
    'response.body.scope.add': 'Response body may hold values it could not before',
    'response.body.scope.remove': 'Response body holds fewer kinds of values',
    'response.optional.header.add': 'Optional response header added',
    'response.optional.header.remove': 'Optional response header removed',
    'response.required.header.add': 'Required response header added',
    'response.required.header.remove': 'Required response header removed',
    'response.status-code.add': 'Response status added',
    'response.status-code.remove': 'Response status removed',
    'unclassified.add': 'Extension added',
    'unclassified.remove': 'Extension removed',
  })
);

/** Codes whose location is a request or response body: the field-level checks may explain them. */
export const bodyScopeCodes = new Set([
  'request.body.scope.add',
  'request.body.scope.remove',
  'response.body.scope.add',
  'response.body.scope.remove',
]);

export interface OpenapiDiffFinding extends Finding {
  code: string;
}

/** openapi-diff's findings, or why it could not give any: it never stops the gate. */
export interface SecondOpinion {
  findings: OpenapiDiffFinding[];
  /** Set when openapi-diff refused a document (its Swagger validation is stricter than the spec's). */
  failure?: string;
}

/** How long and how much memory openapi-diff may take: a hostile spec can make it take hours. */
export interface SecondOpinionLimits {
  timeoutMs: number;
  heapMb: number;
}

const defaultSecondOpinionLimits: SecondOpinionLimits = { timeoutMs: 15_000, heapMb: 512 };

const childScript = fileURLToPath(new URL('./openapi-diff-child.mjs', import.meta.url));

type ChildOutcome = { results: LibraryDiffResult[] } | { error: string } | { cut: string };

/**
 * A child that answered waits, unreferenced, for the next comparison: openapi-diff loaded and
 * warm. One that is cut or fails is killed, never reused.
 */
let idleChild: { child: ChildProcess; heapMb: number } | undefined;

function takeChild(heapMb: number): ChildProcess {
  const idle = idleChild;
  idleChild = undefined;
  if (idle !== undefined && idle.heapMb === heapMb && idle.child.connected) {
    idle.child.ref();
    idle.child.channel?.ref();
    return idle.child;
  }
  idle?.child.kill('SIGKILL');
  return fork(childScript, [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    // Refs are internal only (the bundle is checked); an empty folder all the same.
    cwd: tmpdir(),
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
}

/** Starts the child ahead (it loads openapi-diff while the gate reads git and bundles), idle until asked. */
export function prepareSecondOpinion(limits: SecondOpinionLimits = defaultSecondOpinionLimits): void {
  if (idleChild?.heapMb === limits.heapMb && idleChild.child.connected) return;
  const child = takeChild(limits.heapMb);
  child.unref();
  child.channel?.unref();
  idleChild = { child, heapMb: limits.heapMb };
}

/** Runs openapi-diff in its own process with a heap cap, killed at the time limit. */
function diffInChild(before: JsonObject, after: JsonObject, limits: SecondOpinionLimits): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = takeChild(limits.heapMb);
    let settled = false;
    const finish = (outcome: ChildOutcome, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit).off('error', onError);
      if (reusable && idleChild === undefined) {
        child.unref();
        child.channel?.unref();
        idleChild = { child, heapMb: limits.heapMb };
      } else child.kill('SIGKILL');
      resolve(outcome);
    };
    const onMessage = (message: unknown) => finish(message as ChildOutcome, true);
    const onExit = (code: number | null, signal: string | null) =>
      finish({ cut: `it stopped (${signal ?? `exit ${code}`}), beyond its ${limits.heapMb} MB of memory, say` }, false);
    const onError = (error: Error) => finish({ error: error.message }, false);
    const timer = setTimeout(() => finish({ cut: `it did not finish within ${limits.timeoutMs / 1000} s` }, false), limits.timeoutMs);
    child.on('message', onMessage).on('exit', onExit).on('error', onError);
    child.send({ before, after });
  });
}

export async function runOpenapiDiff(
  before: JsonObject,
  after: JsonObject,
  limits: SecondOpinionLimits = defaultSecondOpinionLimits
): Promise<SecondOpinion> {
  const changed = withoutUnchangedPaths(before, after);
  const outcome = await diffInChild(changed.before, changed.after, limits);
  if ('cut' in outcome) {
    return { findings: [], failure: `openapi-diff was cut short (${outcome.cut}); the field-level checks alone decided.` };
  }
  if ('error' in outcome) {
    const message = outcome.error.split('\n').slice(0, 3).join(' ').slice(0, 300);
    return { findings: [], failure: `openapi-diff could not compare the documents (${message}); the field-level checks alone decided.` };
  }
  const pathKeys = [...new Set([...Object.keys((before.paths as object) ?? {}), ...Object.keys((after.paths as object) ?? {})])];
  return { findings: outcome.results.map((result) => translate(result, pathKeys)) };
}

function translate(result: LibraryDiffResult, pathKeys: string[]): OpenapiDiffFinding {
  const location = result.destinationSpecEntityDetails[0]?.location ?? result.sourceSpecEntityDetails[0]?.location ?? '';
  const { where, subject } = describeLocation(location, pathKeys, result.code);
  return {
    rule: `openapi-diff:${result.code}`,
    severity: result.type,
    title: titles.get(result.code) ?? `openapi-diff: ${result.code}`,
    subject,
    where,
    source: 'openapi-diff',
    code: result.code,
  };
}

/**
 * openapi-diff locates a change as a dotted path into the document, e.g.
 * `paths./tasks/{id}.get.responses.200.content.application/json.schema`; path keys contain dots
 * themselves (`/v1.5.0/`), so they are matched against the documents' own path keys.
 */
export function describeLocation(location: string, pathKeys: string[], resultCode: string): { where: string; subject: string } {
  if (location.startsWith('xProperties.')) return { where: 'the document', subject: code(location.slice('xProperties.'.length)) };
  if (!location.startsWith('paths.')) return { where: code(location), subject: '' };
  const rest = location.slice('paths.'.length);
  // Longest first, so `/a.b` is not read as `/a` followed by junk.
  const path = [...pathKeys].sort((left, right) => right.length - left.length).find((key) => rest === key || rest.startsWith(`${key}.`));
  if (path === undefined) return { where: code(location), subject: '' };
  const tail = rest.slice(path.length);
  if (tail === '') return { where: code(path), subject: '' };
  const match = /^\.(get|put|post|delete|options|head|patch|trace)(.*)$/.exec(tail);
  if (!match) return { where: code(location), subject: '' };
  const operation = code(`${(match[1] ?? '').toUpperCase()} ${path}`);
  const inOperation = match[2] ?? '';
  if (inOperation === '') return { where: operation, subject: '' };
  const request = /^\.requestBody(?:\.content\.(.+?))?(?:\.schema)?$/.exec(inOperation);
  if (request) {
    return {
      where: `${operation}, request body${request[1] ? ` (${code(request[1])})` : ''}`,
      subject: bodyScopeCodes.has(resultCode) ? 'the body' : '',
    };
  }
  const response = /^\.responses\.([^.]+)(?:\.content\.(.+?)(?:\.schema)?|\.headers\.(.+))?$/.exec(inOperation);
  if (response) {
    const status = response[1] ?? '';
    if (resultCode.startsWith('response.status-code')) return { where: operation, subject: `status ${code(status)}` };
    if (response[3]) return { where: `${operation}, response ${status}`, subject: code(response[3]) };
    if (response[2]) return { where: `${operation}, response ${status} (${code(response[2])})`, subject: 'the body' };
    return { where: `${operation}, response ${status}`, subject: '' };
  }
  return { where: `${operation}, ${code(inOperation.slice(1))}`, subject: '' };
}
