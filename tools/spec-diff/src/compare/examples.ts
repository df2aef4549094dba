// Named examples: documentation only, but listed so reviewers see them.
import { code } from '../findings.js';
import { childOf, type Located } from '../pointer.js';
import type { Comparison } from './context.js';
import { unionKeys } from './describe.js';

export function compareExamples(context: Comparison, where: string, b: Located, a: Located): void {
  for (const name of unionKeys(b.value, a.value)) {
    const eb = childOf(b, name);
    const ea = childOf(a, name);
    const place = { subject: code(name), where, detail: 'documentation only' };
    if (eb.value === undefined) {
      context.coverReachable('after', ea);
      context.emit('example-added', 'response', place);
    } else if (ea.value === undefined) {
      context.coverReachable('before', eb);
      context.emit('example-removed', 'response', place);
    } else {
      context.compareRefSiblings('response', eb, ea, { subject: code(name), where });
      const rb = context.resolve('before', eb);
      const ra = context.resolve('after', ea);
      context.coverReachable('before', rb);
      context.coverReachable('after', ra);
      if (!context.sameExpanded(rb, ra)) context.emit('example-changed', 'response', place);
    }
  }
}
