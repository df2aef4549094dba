// Path templates of the spec matched against request paths: which operation a request is for
// (to read its declared query before Prism validates it), its path parameters, and the methods a
// path allows (the Allow header of a 405).
import { compilePathTemplate, type PathParams } from '@iodm-northbound/spec';
import type { HttpOperation, LoadedSpec } from './spec.js';

const templates = new WeakMap<HttpOperation, (path: string) => PathParams | undefined>();

function templateOf(operation: HttpOperation): (path: string) => PathParams | undefined {
  let compiled = templates.get(operation);
  if (!compiled) {
    compiled = compilePathTemplate(operation.path);
    templates.set(operation, compiled);
  }
  return compiled;
}

/** Decoded path parameters, or undefined when the path is not this operation's (the path was made decodable by readCall). */
export function matchPathParams(operation: HttpOperation, path: string): Record<string, string> | undefined {
  const params = templateOf(operation)(path);
  if (params === undefined) return undefined;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, decodeURIComponent(value)]));
}

const placeholderCount = (operation: HttpOperation): number => operation.path.match(/\{[^}]+\}/g)?.length ?? 0;

/**
 * The operation a method and path are for, if the contract has one. When several templates fit,
 * the one with fewer parameters wins (OpenAPI: a concrete path before a templated one), then the
 * one listed first: the rule of the spec package's createRouter.
 */
export function findOperation(spec: LoadedSpec, method: string, path: string): HttpOperation | undefined {
  let found: HttpOperation | undefined;
  for (const operation of spec.operations) {
    if (operation.method !== method || matchPathParams(operation, path) === undefined) continue;
    if (found === undefined || placeholderCount(operation) < placeholderCount(found)) found = operation;
  }
  return found;
}

/** The methods the contract defines for a path, upper-case, for an `Allow` header. */
export function allowedMethods(spec: LoadedSpec, path: string): string[] {
  const methods = spec.operations.filter((operation) => matchPathParams(operation, path) !== undefined).map((operation) => operation.method.toUpperCase());
  return [...new Set(methods)].sort();
}
