// Path templates of the spec matched against request paths: which operation a request is for
// (to read its declared query before Prism validates it), its path parameters, and the methods a
// path allows (the Allow header of a 405).
import type { HttpOperation, LoadedSpec } from './spec.js';

const templates = new WeakMap<HttpOperation, { pattern: RegExp; names: string[] }>();

function templateOf(operation: HttpOperation): { pattern: RegExp; names: string[] } {
  let compiled = templates.get(operation);
  if (!compiled) {
    const names: string[] = [];
    // Braces are left unescaped so the template's {name} placeholders can be swapped for groups.
    const source = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    compiled = { pattern: new RegExp(`^${source}$`), names };
    templates.set(operation, compiled);
  }
  return compiled;
}

/** Decoded path parameters, or undefined when the path is not this operation's (the path was made decodable by readCall). */
export function matchPathParams(operation: HttpOperation, path: string): Record<string, string> | undefined {
  const { pattern, names } = templateOf(operation);
  const match = pattern.exec(path);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    params[name] = decodeURIComponent(match[index + 1]!);
  });
  return params;
}

/** The operation a method and path are for, if the contract has one. */
export function findOperation(spec: LoadedSpec, method: string, path: string): HttpOperation | undefined {
  return spec.operations.find((operation) => operation.method === method && matchPathParams(operation, path) !== undefined);
}

/** The methods the contract defines for a path, upper-case, for an `Allow` header. */
export function allowedMethods(spec: LoadedSpec, path: string): string[] {
  const methods = spec.operations.filter((operation) => matchPathParams(operation, path) !== undefined).map((operation) => operation.method.toUpperCase());
  return [...new Set(methods)].sort();
}
