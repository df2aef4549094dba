// Contract violations found by Prism, reported three ways: the `sl-violations` header (as Prism's
// own server sets it), the logger, and the onViolation callback.
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import { headerSafe } from './http.js';
import type { ResolvedOptions } from './options.js';
import type { ContractViolation } from './types.js';

// Same cap as Prism's own server: larger headers get dropped by proxies.
const MAX_VIOLATIONS_HEADER_CHARS = 8 * 1024 - 100;
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;

interface Violated {
  readonly method: string;
  readonly path: string;
  readonly request: readonly IPrismDiagnostic[];
  readonly response: readonly IPrismDiagnostic[];
}

/** Reports the violations; returns the headers to add to the answer (none when there were none). */
export function reportViolations(options: ResolvedOptions, found: Violated): Record<string, string> {
  const method = found.method.toUpperCase();
  const toViolation =
    (prefix: string) =>
    (d: IPrismDiagnostic): ContractViolation => ({
      location: [prefix, ...(d.path ?? [])],
      severity: SEVERITY_NAMES[d.severity] ?? 'error',
      code: d.code,
      message: d.message,
      method,
      path: found.path,
    });
  const violations = [...found.request.map(toViolation('request')), ...found.response.map(toViolation('response'))];
  if (violations.length === 0) return {};
  let header = JSON.stringify(violations.map(({ location, severity, code, message }) => ({ location, severity, code, message })));
  if (header.length > MAX_VIOLATIONS_HEADER_CHARS) header = `Too many violations! ${header.slice(0, MAX_VIOLATIONS_HEADER_CHARS)}`;
  for (const violation of violations) {
    const message = `Violation: ${method} ${found.path}: ${violation.location.join('.')} ${violation.message}`;
    if (violation.severity === 'error') options.logger.error(message);
    else options.logger.warn(message);
    options.onViolation?.(violation);
  }
  return { 'sl-violations': headerSafe(header, Number.POSITIVE_INFINITY) };
}
