// Responses by status code, and each response's headers and media types.
import { code } from '../findings.js';
import { childOf, type Located } from '../pointer.js';
import type { Comparison } from './context.js';
import { keysOf, unionKeys } from './describe.js';
import { compareContent } from './media-types.js';
import { compareSchema } from './schema.js';

const headerDocumentationKeys = new Set(['description', 'example', 'examples']);

export function compareResponses(context: Comparison, operation: string, b: Located, a: Located): void {
  for (const status of unionKeys(b.value, a.value)) {
    const kb = childOf(b, status);
    const ka = childOf(a, status);
    if (kb.value === undefined) {
      context.coverReachable('after', ka);
      context.emit('response-status-added', 'response', { subject: `status ${code(status)}`, where: operation });
    } else if (ka.value === undefined) {
      context.coverReachable('before', kb);
      const detail = 'clients that handle it get a status they may not expect instead';
      context.emit('response-status-removed', 'response', { subject: `status ${code(status)}`, where: operation, detail });
    } else compareResponse(context, `${operation}, response ${status}`, kb, ka);
  }
}

function compareResponse(context: Comparison, where: string, b: Located, a: Located): void {
  context.compareRefSiblings('response', b, a, { subject: '', where });
  const rb = context.resolve('before', b);
  const ra = context.resolve('after', a);
  for (const key of unionKeys(rb.value, ra.value)) {
    const kb = childOf(rb, key);
    const ka = childOf(ra, key);
    context.cover(kb, ka);
    if (key === 'content') compareContent(context, 'response', where, kb, ka);
    else if (key === 'headers') compareHeaders(context, where, kb, ka);
    else if (key === 'description') context.documentation('Response description', '', where, kb, ka);
    else if (!context.sameExpanded(kb, ka))
      context.emit('response-field-changed', 'response', { titleArgument: code(key), subject: '', where });
  }
}

function compareHeaders(context: Comparison, where: string, b: Located, a: Located): void {
  const beforeNames = new Map(keysOf(b.value).map((name) => [name.toLowerCase(), name]));
  const afterNames = new Map(keysOf(a.value).map((name) => [name.toLowerCase(), name]));
  for (const [lower, beforeName] of beforeNames) {
    const afterName = afterNames.get(lower);
    if (afterName !== undefined) {
      compareHeader(context, where, afterName, childOf(b, beforeName), childOf(a, afterName));
      continue;
    }
    context.coverReachable('before', childOf(b, beforeName));
    context.emit('response-header-removed', 'response', { subject: code(beforeName), where, detail: 'clients that read it get nothing' });
  }
  for (const [lower, afterName] of afterNames) {
    if (beforeNames.has(lower)) continue;
    context.coverReachable('after', childOf(a, afterName));
    context.emit('response-header-added', 'response', { subject: code(afterName), where });
  }
}

function compareHeader(context: Comparison, where: string, name: string, b: Located, a: Located): void {
  context.compareRefSiblings('response', b, a, { subject: code(name), where });
  const hb = context.resolve('before', b);
  const ha = context.resolve('after', a);
  const header = code(name);
  for (const key of unionKeys(hb.value, ha.value)) {
    const kb = childOf(hb, key);
    const ka = childOf(ha, key);
    context.cover(kb, ka);
    if (key === 'schema') compareSchema(context, { direction: 'response', where: `${where}, header ${header}`, field: '', text: true }, kb, ka);
    else if (key === 'required') {
      if (Boolean(kb.value) === Boolean(ka.value)) continue;
      if (ka.value) context.emit('response-header-became-required', 'response', { subject: header, where });
      else
        context.emit('response-header-became-optional', 'response', {
          subject: header,
          where,
          detail: 'clients may rely on it being sent',
        });
    } else if (headerDocumentationKeys.has(key)) context.documentation(`Header ${key}`, header, where, kb, ka);
    else if (!context.sameExpanded(kb, ka))
      context.emit('response-header-field-changed', 'response', { titleArgument: code(key), subject: header, where });
  }
}
