// Which operation of the spec a request is for: the spec package's router (createRouter: a concrete
// path before a template that also fits, then the document's order) over the loaded operations,
// built once per spec; the request's path parameters, decoded; and the methods a path allows (the
// Allow header of a 405). A request is routed once: the handler passes the match along.
import { createRouter, HTTP_METHODS, type Router } from '@iodm-northbound/spec/routes';
import type { HttpOperation, LoadedSpec } from './spec.js';

/** The router of each loaded spec, built on first use, kept as long as the spec. */
const routers = new WeakMap<readonly HttpOperation[], Router>();

function routerOf(spec: LoadedSpec): Router {
  let router = routers.get(spec.operations);
  if (!router) {
    // The router reads only the path keys and methods; the operation it hands back is Prism's.
    const paths: Record<string, Partial<Record<string, HttpOperation>>> = {};
    for (const operation of spec.operations) paths[operation.path] = { ...paths[operation.path], [operation.method]: operation };
    router = createRouter({ paths });
    routers.set(spec.operations, router);
  }
  return router;
}

/** The operation a request is for, with its decoded path parameters. */
export interface RouteMatch {
  readonly operation: HttpOperation;
  readonly pathParams: Readonly<Record<string, string>>;
}

/**
 * The operation a method and path (without the query) are for, if the contract has one. The path
 * was made decodable by readCall, so its parameters decode.
 */
export function matchOperation(spec: LoadedSpec, method: string, path: string): RouteMatch | undefined {
  const match = routerOf(spec).match(method, path);
  if (match === undefined) return undefined;
  const pathParams: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.params)) pathParams[name] = decodeURIComponent(value);
  return { operation: match.operation as unknown as HttpOperation, pathParams };
}

/** The operation a method and path are for (see matchOperation). */
export function findOperation(spec: LoadedSpec, method: string, path: string): HttpOperation | undefined {
  return routerOf(spec).match(method, path)?.operation as HttpOperation | undefined;
}

/** The methods the contract defines for a path, upper-case, for an `Allow` header. */
export function allowedMethods(spec: LoadedSpec, path: string): string[] {
  const router = routerOf(spec);
  return HTTP_METHODS.filter((method) => router.match(method, path) !== undefined)
    .map((method) => method.toUpperCase())
    .sort();
}
