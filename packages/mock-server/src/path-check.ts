// Prism checks path parameters against their schemas with a URI template it builds per request.
// Once route.ts matched a path, every parameter of its template is a non-empty segment, so a
// parameter whose schema asks no more than "a string of at least one character" cannot fail that
// check. Such operations are handed to Prism's input validation without their path parameters;
// any other (a pattern, a format, a number...) keeps Prism's check. Decided once per operation.
import type { HttpOperation } from './spec.js';

// Schema keywords that do not constrain a value.
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);

function acceptsAnyNonEmptyString(schema: Readonly<Record<string, unknown>> | undefined): boolean {
  if (schema === undefined) return true;
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
    if (keyword === 'type' && value === 'string') continue;
    if (keyword === 'minLength' && typeof value === 'number' && value <= 1) continue;
    return false;
  }
  return true;
}

/** The operation as Prism's input validation needs it: without path parameters its check cannot refuse. */
export function forInputValidation(operation: HttpOperation): HttpOperation {
  const parameters = operation.request?.path;
  if (!operation.request || !parameters || parameters.length === 0) return operation;
  const segments = new Set([...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]));
  const unfailable = parameters.every(
    (parameter) => segments.has(parameter.name) && acceptsAnyNonEmptyString(parameter.schema as Readonly<Record<string, unknown>> | undefined),
  );
  if (!unfailable) return operation;
  const { path: _checkedByRoute, ...request } = operation.request;
  return { ...operation, request };
}
