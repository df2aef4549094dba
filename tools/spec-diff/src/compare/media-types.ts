// Content maps: each media type compared with the same media type on the other side, never with
// another one (a second media type added next to the first changes nothing for the first).
import { code } from '../findings.js';
import { childOf, type Located } from '../pointer.js';
import type { Comparison } from './context.js';
import { unionKeys } from './describe.js';
import { compareExamples } from './examples.js';
import type { Direction } from './rules.js';
import { compareSchema } from './schema.js';

export function compareContent(context: Comparison, direction: Direction, where: string, b: Located, a: Located): void {
  for (const mediaType of unionKeys(b.value, a.value)) {
    const mb = childOf(b, mediaType);
    const ma = childOf(a, mediaType);
    const place = { subject: code(mediaType), where };
    if (mb.value === undefined) {
      context.coverReachable('after', ma);
      context.emit('media-type-added', direction, place);
    } else if (ma.value === undefined) {
      context.coverReachable('before', mb);
      const detail = direction === 'request' ? 'clients that send it are no longer served' : 'clients that ask for it are no longer served';
      context.emit('media-type-removed', direction, { ...place, detail });
    } else compareMediaType(context, direction, `${where} (${code(mediaType)})`, mb, ma);
  }
}

function compareMediaType(context: Comparison, direction: Direction, where: string, b: Located, a: Located): void {
  for (const key of unionKeys(b.value, a.value)) {
    const kb = childOf(b, key);
    const ka = childOf(a, key);
    context.cover(kb, ka);
    if (key === 'schema') compareSchema(context, { direction, where, field: '' }, kb, ka);
    else if (key === 'examples') compareExamples(context, where, kb, ka);
    else if (key === 'example') context.documentation('Example', '', where, kb, ka);
    else if (!context.sameExpanded(kb, ka))
      context.emit('media-type-field-changed', direction, { titleArgument: code(key), subject: '', where });
  }
}
