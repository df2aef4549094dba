import { createRequire } from 'node:module';

/**
 * Path of the bundled spec, resolved through the spec package (not a path into this repo) so
 * the mock also works when another team installs it from the registry.
 */
export function bundledSpecPath(): string {
  return createRequire(import.meta.url).resolve('@iodm-northbound/spec/openapi.json');
}
