// One operation present on both sides: its own fields, then its effective parameters (path item
// and operation merged) and its effective security (its own, or the document's default).
import { code } from '../findings.js';
import { childOf } from '../pointer.js';
import type { Comparison } from './context.js';
import { unionKeys } from './describe.js';
import type { OperationPair } from './operation-pair.js';
import { compareParameters } from './parameters.js';
import { compareRequestBody } from './request-body.js';
import { compareResponses } from './responses.js';
import { compareSecurity } from './security.js';

const documentationKeys = new Set(['summary', 'description', 'tags', 'externalDocs']);

export function compareOperation(context: Comparison, pair: OperationPair): void {
  const { operation, before: b, after: a } = pair;
  for (const key of unionKeys(b.value, a.value)) {
    const kb = childOf(b, key);
    const ka = childOf(a, key);
    context.cover(kb, ka);
    if (key === 'parameters' || key === 'security') continue; // below, merged with what they inherit
    if (key === 'requestBody') compareRequestBody(context, operation, kb, ka);
    else if (key === 'responses') compareResponses(context, operation, kb, ka);
    else if (key === 'operationId') {
      if (kb.value === ka.value) continue;
      const detail = `${code(String(kb.value))} → ${code(
        String(ka.value)
      )}; the wire format is the same, but generated clients and types rename the call`;
      context.emit('operation-id-changed', 'request', { subject: '', where: operation, detail });
    } else if (key === 'deprecated') {
      if (Boolean(kb.value) === Boolean(ka.value)) continue;
      context.emit(ka.value ? 'operation-deprecated' : 'operation-undeprecated', 'request', { subject: '', where: operation });
    } else if (documentationKeys.has(key)) context.documentation(`Operation ${key}`, '', operation, kb, ka);
    else if (!context.sameExpanded(kb, ka))
      context.emit('operation-field-changed', 'request', { titleArgument: code(key), subject: '', where: operation });
  }
  compareParameters(context, pair);
  compareSecurity(context, operation, b, a);
}
