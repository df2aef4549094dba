// Path templates of the spec matched against request paths: which operation a request is for
// (to read its declared query before Prism validates it), its path parameters, and the methods a
// path allows (the Allow header of a 405). Templates are compiled once per spec, not per request.
import { compilePathTemplate, type PathParams } from '@iodm-northbound/spec';
import type { HttpOperation, LoadedSpec } from './spec.js';

interface CompiledOperation {
  readonly operation: HttpOperation;
  readonly match: (path: string) => PathParams | undefined;
  readonly placeholders: number;
}

/** The operations of a spec, compiled, by method: built on first use, kept as long as the spec. */
const compiledSpecs = new WeakMap<readonly HttpOperation[], ReadonlyMap<string, readonly CompiledOperation[]>>();
const compiledOperations = new WeakMap<HttpOperation, CompiledOperation>();

function compiled(operation: HttpOperation): CompiledOperation {
  let entry = compiledOperations.get(operation);
  if (!entry) {
    entry = { operation, match: compilePathTemplate(operation.path), placeholders: operation.path.match(/\{[^}]+\}/g)?.length ?? 0 };
    compiledOperations.set(operation, entry);
  }
  return entry;
}

function byMethod(spec: LoadedSpec): ReadonlyMap<string, readonly CompiledOperation[]> {
  let methods = compiledSpecs.get(spec.operations);
  if (!methods) {
    const built = new Map<string, CompiledOperation[]>();
    for (const operation of spec.operations) {
      const list = built.get(operation.method) ?? [];
      list.push(compiled(operation));
      built.set(operation.method, list);
    }
    methods = built;
    compiledSpecs.set(spec.operations, methods);
  }
  return methods;
}

const decoded = (params: PathParams): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const name of Object.keys(params)) result[name] = decodeURIComponent(params[name]!);
  return result;
};

/** Decoded path parameters, or undefined when the path is not this operation's (the path was made decodable by readCall). */
export function matchPathParams(operation: HttpOperation, path: string): Record<string, string> | undefined {
  const params = compiled(operation).match(path);
  return params === undefined ? undefined : decoded(params);
}

/** The operation a request is for, with its decoded path parameters. */
export interface RouteMatch {
  readonly operation: HttpOperation;
  readonly pathParams: Readonly<Record<string, string>>;
}

/**
 * The operation a method and path are for, if the contract has one. When several templates fit,
 * the one with fewer parameters wins (OpenAPI: a concrete path before a templated one), then the
 * one listed first: the rule of the spec package's createRouter.
 */
export function matchOperation(spec: LoadedSpec, method: string, path: string): RouteMatch | undefined {
  let found: CompiledOperation | undefined;
  let foundParams: PathParams | undefined;
  for (const candidate of byMethod(spec).get(method) ?? []) {
    if (found !== undefined && candidate.placeholders >= found.placeholders) continue;
    const params = candidate.match(path);
    if (params === undefined) continue;
    found = candidate;
    foundParams = params;
  }
  return found && { operation: found.operation, pathParams: decoded(foundParams!) };
}

/** The operation a method and path are for (see matchOperation). */
export function findOperation(spec: LoadedSpec, method: string, path: string): HttpOperation | undefined {
  return matchOperation(spec, method, path)?.operation;
}

/** The methods the contract defines for a path, upper-case, for an `Allow` header. */
export function allowedMethods(spec: LoadedSpec, path: string): string[] {
  const methods = spec.operations.filter((operation) => compiled(operation).match(path) !== undefined).map((operation) => operation.method.toUpperCase());
  return [...new Set(methods)].sort();
}
