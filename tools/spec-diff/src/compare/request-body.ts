// The request body: added, removed, made required or optional, and its media types.
import { code } from '../findings.js';
import { childOf, isObject, type Located } from '../pointer.js';
import type { Comparison } from './context.js';
import { unionKeys } from './describe.js';
import { compareContent } from './media-types.js';

export function compareRequestBody(context: Comparison, operation: string, b: Located, a: Located): void {
  const where = `${operation}, request body`;
  if (b.value === undefined || a.value === undefined) {
    const side = b.value === undefined ? 'after' : 'before';
    const present = context.resolve(side, side === 'after' ? a : b);
    context.coverReachable(side, present);
    const required = isObject(present.value) && present.value.required === true;
    if (side === 'before') {
      context.emit('request-body-removed', 'request', {
        subject: '',
        where,
        detail: 'clients that send one may be rejected, and what it carried is gone',
      });
    } else if (required)
      context.emit('request-body-added-required', 'request', { subject: '', where, detail: 'existing clients send no body' });
    else context.emit('request-body-added-optional', 'request', { subject: '', where });
    return;
  }
  context.compareRefSiblings('request', b, a, { subject: '', where });
  const rb = context.resolve('before', b);
  const ra = context.resolve('after', a);
  for (const key of unionKeys(rb.value, ra.value)) {
    const kb = childOf(rb, key);
    const ka = childOf(ra, key);
    context.cover(kb, ka);
    if (key === 'content') compareContent(context, 'request', where, kb, ka);
    else if (key === 'required') {
      if (Boolean(kb.value) === Boolean(ka.value)) continue;
      context.emit(ka.value ? 'request-body-became-required' : 'request-body-became-optional', 'request', { subject: '', where });
    } else if (key === 'description') context.documentation('Request body description', '', where, kb, ka);
    else if (!context.sameExpanded(kb, ka))
      context.emit('request-body-field-changed', 'request', { titleArgument: code(key), subject: '', where });
  }
}
