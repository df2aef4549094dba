// Checks a response against the contract: the operation it answers, a documented status, the
// documented media type, and the body against the response schema (ajv, OpenAPI 3.0 dialect).
import { createRouter, escapePointerSegment, followRefs, loadSpec } from '@iodm-northbound/spec';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// biome-ignore lint/suspicious/noExplicitAny: answers and spec nodes are walked by path; ajv checks their shape at run time.
export type Json = Record<string, any>;

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

/**
 * The bundled spec (`loadSpec()` of `@iodm-northbound/spec`: a fresh copy per call).
 * @deprecated Import `loadSpec` from `@iodm-northbound/spec`; kept so existing importers still work.
 */
export const loadBundledSpec: () => Json = loadSpec;

const SPEC_ID = 'openapi.json';

export function createResponseValidator(document: Json = loadSpec()): ResponseValidator {
  // OpenAPI 3.0 schemas are a JSON Schema dialect: `example`, `xml`, `externalDocs` and x- keys are
  // annotations ajv does not know, hence strict: false; `nullable` is understood by ajv itself.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(document, SPEC_ID);
  const compiled = new Map<string, ValidateFunction>();
  const router = createRouter(document);

  return {
    document,
    operationFor(method, path) {
      return router.match(method, path)?.operationId;
    },
    check({ method, path, status, contentType, body }) {
      const found = router.match(method, path);
      if (!found) return { operationId: undefined, errors: [`no operation of the contract is ${method.toUpperCase()} ${path}`] };
      const { operationId } = found;
      const responses: Json = (found.operation.responses ?? {}) as Json;
      const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
      if (!statusKey) {
        return { operationId, errors: [`${operationId} does not document HTTP ${status} (it documents ${Object.keys(responses).join(', ')})`] };
      }
      const located = followRefs(document, responses[statusKey], `${found.pointer}/responses/${escapePointerSegment(statusKey)}`);
      const content: Json | undefined = (located.value as Json).content;
      if (!content || Object.keys(content).length === 0) {
        return { operationId, errors: body === '' || body === undefined ? [] : [`${operationId} ${status} documents no body, got one`] };
      }
      const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(mediaType in content)) {
        return { operationId, errors: [`${operationId} ${status}: content type "${contentType ?? ''}" is not documented (${Object.keys(content).join(', ')})`] };
      }
      const schemaPointer = `${located.pointer}/content/${escapePointerSegment(mediaType)}/schema`;
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
