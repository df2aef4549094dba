// Paths and path items: matches paths by template (so renaming a path parameter is not a new
// path), reports added and removed paths and operations, and compares each operation pair.
import { isDeepStrictEqual } from 'node:util';
import { code } from '../findings.js';
import { childOf, type Located } from '../pointer.js';
import type { Comparison } from './context.js';
import { httpMethods, keysOf, unionKeys } from './describe.js';
import { compareOperation } from './operation.js';
import type { OperationPair } from './operation-pair.js';
import { compareParameters } from './parameters.js';

export function comparePaths(context: Comparison, b: Located, a: Located): void {
  const beforePaths = pathsByTemplate(b.value);
  const afterPaths = pathsByTemplate(a.value);
  for (const [template, beforeKey] of beforePaths) {
    const afterKey = afterPaths.get(template);
    if (afterKey !== undefined) {
      comparePathItem(context, afterKey, beforeKey, childOf(b, beforeKey), childOf(a, afterKey));
      continue;
    }
    context.coverReachable('before', childOf(b, beforeKey));
    context.emit('path-removed', 'request', { subject: '', where: code(beforeKey), detail: 'clients that call it get 404' });
  }
  for (const [template, afterKey] of afterPaths) {
    if (beforePaths.has(template)) continue;
    context.coverReachable('after', childOf(a, afterKey));
    context.emit('path-added', 'request', { subject: '', where: code(afterKey) });
  }
}

function comparePathItem(context: Comparison, path: string, beforePath: string, b: Located, a: Located): void {
  const rb = context.resolve('before', b);
  const ra = context.resolve('after', a);
  let operationsCompared = 0;
  for (const key of unionKeys(rb.value, ra.value)) {
    const kb = childOf(rb, key);
    const ka = childOf(ra, key);
    if ((httpMethods as readonly string[]).includes(key)) {
      const operation = code(`${key.toUpperCase()} ${path}`);
      if (kb.value === undefined) {
        context.coverReachable('after', ka);
        context.emit('operation-added', 'request', { subject: '', where: operation });
      } else if (ka.value === undefined) {
        context.coverReachable('before', kb);
        context.emit('operation-removed', 'request', { subject: '', where: operation, detail: 'clients that call it are refused' });
      } else {
        const pair: OperationPair = { operation, path, beforePath, pathBefore: rb, pathAfter: ra, before: kb, after: ka };
        compareOperation(context, pair);
        operationsCompared += 1;
      }
      continue;
    }
    context.cover(kb, ka);
    if (key === 'parameters') continue; // merged into each operation's parameters
    if (isDeepStrictEqual(kb.value, ka.value)) continue;
    if (key === 'summary' || key === 'description') context.documentation(`Path ${key}`, '', code(path), kb, ka);
    else context.emit('path-item-field-changed', 'request', { titleArgument: code(key), subject: '', where: code(path) });
  }
  // Path-level parameters reach clients through the operations compared above; with none, they
  // are compared on their own, so that nothing goes unreported.
  if (operationsCompared === 0) {
    const none = (pathItem: Located): Located => ({ value: {}, pointer: `${pathItem.pointer}/(no operation)` });
    const operation = `path item ${code(path)} (no operation on both sides)`;
    compareParameters(context, { operation, path, beforePath, pathBefore: rb, pathAfter: ra, before: none(rb), after: none(ra) });
  }
}

/** Path keys by their template with parameter names blanked: `/tasks/{id}` and `/tasks/{taskId}` match. */
function pathsByTemplate(paths: unknown): Map<string, string> {
  return new Map(keysOf(paths).map((path) => [path.replace(/\{[^}]*\}/g, '{}'), path]));
}
