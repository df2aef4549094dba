import { specPath } from '@iodm-northbound/spec';

/**
 * Path of the bundled spec, from the spec package (not a path into this repo), so the mock also
 * works when another team installs it from the registry.
 */
export function bundledSpecPath(): string {
  return specPath;
}
