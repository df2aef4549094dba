// The bundled spec for importers: the parsed document and the paths of its files on disk, plus
// the plumbing every tool that reads it shares (JSON pointers, $refs, route matching).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts of an OpenAPI 3.0 document every importer needs typed; the rest stays `unknown`. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers?: Array<{ url: string; description?: string; [key: string]: unknown }>;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** Absolute path of the bundled spec as JSON (`@iodm-northbound/spec/openapi.json`). */
export const specPath: string = fileURLToPath(new URL('./openapi.json', import.meta.url));

/** Absolute path of the bundled spec as YAML (`@iodm-northbound/spec/openapi.yaml`). */
export const specYamlPath: string = fileURLToPath(new URL('./openapi.yaml', import.meta.url));

/**
 * Reads and parses the bundled spec. Each call returns a new object, so a caller that mutates
 * it (Prism dereferences in place, for one) cannot change what other importers see.
 */
export function loadSpec(): OpenApiDocument {
  return JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiDocument;
}

export { SpecPointerError, escapePointerSegment, unescapePointerSegment, pointerFrom, resolvePointer, followRefs, dereference, type Located } from './pointer.js';
export { HTTP_METHODS, compilePathTemplate, createRouter, type PathParams, type RouteMatch, type Router } from './routes.js';

/** The bundled spec, parsed once when the module loads. Call `loadSpec()` for a copy to mutate. */
const spec: OpenApiDocument = loadSpec();
export default spec;
