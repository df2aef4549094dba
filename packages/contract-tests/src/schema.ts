// Checks a response against the contract: the operation it answers, a documented status, the
// documented media type, and the body against the response schema (ajv, OpenAPI 3.0 dialect).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, any>;

export interface ResponseCheck {
  /** The contract's operationId of the request, when the request matches one. */
  readonly operationId: string | undefined;
  /** Everything that departs from the contract; empty when the response conforms. */
  readonly errors: readonly string[];
}

export interface ResponseToCheck {
  readonly method: string;
  /** The request path as sent (percent-encoded). */
  readonly path: string;
  readonly status: number;
  readonly contentType: string | null;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  readonly body: unknown;
}

export interface ResponseValidator {
  /** The operationId a request goes to, if any. */
  operationFor(method: string, path: string): string | undefined;
  check(response: ResponseToCheck): ResponseCheck;
  /** The spec document the validator was built from. */
  readonly document: Json;
}

/** The bundled spec, resolved through the spec package so this works when installed elsewhere. */
export function loadBundledSpec(): Json {
  const path = createRequire(import.meta.url).resolve('@iodm-northbound/spec/openapi.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

const SPEC_ID = 'openapi.json';
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

interface RouteEntry {
  method: string;
  pattern: RegExp;
  pathKey: string;
  operation: Json;
}

export function createResponseValidator(document: Json = loadBundledSpec()): ResponseValidator {
  // OpenAPI 3.0 schemas are a JSON Schema dialect: `example`, `xml`, `externalDocs` and x- keys are
  // annotations ajv does not know, hence strict: false; `nullable` is understood by ajv itself.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(document, SPEC_ID);
  const compiled = new Map<string, ValidateFunction>();

  const routes: RouteEntry[] = [];
  for (const [pathKey, item] of Object.entries<Json>(document.paths ?? {})) {
    const pattern = new RegExp(`^${pathKey.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, operation] of Object.entries<Json>(item)) {
      if (typeof operation === 'object' && operation?.responses) routes.push({ method, pattern, pathKey, operation });
    }
  }

  const resolve = (node: Json, pointer: string): [Json, string] => {
    let current = node;
    let at = pointer;
    while (typeof current?.$ref === 'string' && current.$ref.startsWith('#/')) {
      at = current.$ref.slice(1);
      current = at
        .slice(1)
        .split('/')
        .reduce((parent: Json, part: string) => parent?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], document);
    }
    return [current, at];
  };

  const route = (method: string, path: string) => routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));

  return {
    document,
    operationFor(method, path) {
      return route(method, path)?.operation.operationId;
    },
    check({ method, path, status, contentType, body }) {
      const found = route(method, path);
      if (!found) return { operationId: undefined, errors: [`no operation of the contract is ${method.toUpperCase()} ${path}`] };
      const { operation } = found;
      const operationId: string = operation.operationId;
      const responses: Json = operation.responses;
      const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
      if (!statusKey) {
        return { operationId, errors: [`${operationId} does not document HTTP ${status} (it documents ${Object.keys(responses).join(', ')})`] };
      }
      const responsePointer = `/paths/${escapePointer(found.pathKey)}/${found.method}/responses/${statusKey}`;
      const [response, resolvedPointer] = resolve(responses[statusKey], responsePointer);
      const content: Json | undefined = response.content;
      if (!content || Object.keys(content).length === 0) {
        return { operationId, errors: body === '' || body === undefined ? [] : [`${operationId} ${status} documents no body, got one`] };
      }
      const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(mediaType in content)) {
        return { operationId, errors: [`${operationId} ${status}: content type "${contentType ?? ''}" is not documented (${Object.keys(content).join(', ')})`] };
      }
      const schemaPointer = `${resolvedPointer}/content/${escapePointer(mediaType)}/schema`;
      let validate = compiled.get(schemaPointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `${SPEC_ID}#${schemaPointer}` });
        compiled.set(schemaPointer, validate);
      }
      if (validate(body)) return { operationId, errors: [] };
      return {
        operationId,
        errors: (validate.errors ?? []).map((e) => `${operationId} ${status}: body${e.instancePath} ${e.message ?? e.keyword}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`),
      };
    },
  };
}
