// Which operation of the document a request goes to: path templates (`/a/{b}/c`) turned into
// matchers, and a router over every operation of `paths`.
import { pointerFrom } from './pointer.js';

/** The HTTP methods an OpenAPI 3.0 path item may hold operations for. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Path parameters by name, as they appear in the request path (still percent-encoded). */
export type PathParams = Record<string, string>;

/**
 * A matcher for one path template: the path parameters when a request path (no query) fits the
 * template, `undefined` when it does not. A parameter stands for one whole segment.
 */
export function compilePathTemplate(template: string): (path: string) => PathParams | undefined {
  const names: string[] = [];
  // Braces stay unescaped so the {name} placeholders can be swapped for capture groups.
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_placeholder, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const pattern = new RegExp(`^${source}$`);
  return (path) => {
    const match = pattern.exec(path);
    if (match === null) return undefined;
    return Object.fromEntries(names.map((name, index) => [name, match[index + 1]!]));
  };
}

/** One operation of the document, found for a request. */
export interface RouteMatch {
  /** Lower-case HTTP method, as the key in the path item. */
  method: string;
  /** The key under `paths`, e.g. `/iodm/northbound/v1.5.0/operations/{operationId}/subOperations`. */
  pathTemplate: string;
  /** JSON pointer of the operation object, e.g. `/paths/~1iocm~1app~1sec~1v1.1.0~1login/post`. */
  pointer: string;
  operationId: string | undefined;
  operation: Record<string, unknown>;
  params: PathParams;
}

export interface Router {
  /** The operation a request goes to, or `undefined`. `path` is the path only, without the query. */
  match(method: string, path: string): RouteMatch | undefined;
}

/**
 * A router over every operation under the document's `paths`. When several templates fit a path,
 * the one with fewer parameters wins (OpenAPI: concrete paths before templated ones), then the
 * one written first.
 */
export function createRouter(document: { paths?: Record<string, unknown> | undefined }): Router {
  const routes: Array<Omit<RouteMatch, 'params'> & { matches: (path: string) => PathParams | undefined; placeholders: number }> = [];
  for (const [pathTemplate, item] of Object.entries(document.paths ?? {})) {
    if (item === null || typeof item !== 'object') continue;
    const matches = compilePathTemplate(pathTemplate);
    const placeholders = pathTemplate.match(/\{[^}]+\}/g)?.length ?? 0;
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, unknown>)[method];
      if (operation === null || typeof operation !== 'object') continue;
      const { operationId } = operation as { operationId?: unknown };
      routes.push({
        method,
        pathTemplate,
        pointer: pointerFrom(['paths', pathTemplate, method]),
        operationId: typeof operationId === 'string' ? operationId : undefined,
        operation: operation as Record<string, unknown>,
        matches,
        placeholders,
      });
    }
  }
  // Array.prototype.sort is stable: equal counts keep the document's order.
  routes.sort((a, b) => a.placeholders - b.placeholders);
  return {
    match(method, path) {
      const wanted = method.toLowerCase();
      for (const { matches, placeholders: _placeholders, ...route } of routes) {
        if (route.method !== wanted) continue;
        const params = matches(path);
        if (params !== undefined) return { ...route, params };
      }
      return undefined;
    },
  };
}
