// The document object: walks the top-level keys, hands `paths` to the path walker and judges the
// rest (info, servers, tags, extensions). Components are reached through `$ref`s from operations.
import { isDeepStrictEqual } from 'node:util';
import { code } from '../findings.js';
import { childOf, isObject, type Located } from '../pointer.js';
import type { Comparison } from './context.js';
import { changeKind, unionKeys } from './describe.js';
import { comparePaths } from './paths.js';

const where = 'the document';

export function compareDocument(context: Comparison): void {
  const root = context.root('before');
  const rootAfter = context.root('after');
  for (const key of unionKeys(context.before, context.after)) {
    if (key === 'components') continue;
    const b = childOf(root, key);
    const a = childOf(rootAfter, key);
    context.cover(b, a);
    if (key === 'paths') comparePaths(context, b, a);
    // `security` is compared per operation, as each operation's effective security.
    else if (key === 'security') continue;
    else if (isDeepStrictEqual(b.value, a.value)) continue;
    else if (key.startsWith('x-')) {
      const detail = 'a vendor extension: tools that read it decide what it means';
      context.emit('document-field-changed', 'response', {
        titleArgument: `extension (${changeKind(b.value, a.value)})`,
        subject: code(key),
        where,
        detail,
      });
    } else if (key === 'info') compareInfo(context, b, a);
    else if (key === 'tags' || key === 'externalDocs') context.documentation(code(key), '', where, b, a);
    else if (key === 'servers') compareServers(context, b, a);
    else if (key === 'openapi') {
      context.emit('openapi-version-changed', 'request', {
        subject: '',
        where,
        detail: `${code(String(b.value))} → ${code(String(a.value))}`,
      });
    } else context.emit('document-field-changed', 'request', { titleArgument: code(key), subject: '', where });
  }
}

function compareInfo(context: Comparison, b: Located, a: Located): void {
  for (const key of unionKeys(b.value, a.value)) {
    if (key === 'version') continue; // the gate itself reports the version change
    context.documentation(code(`info.${key}`), '', where, childOf(b, key), childOf(a, key));
  }
}

function compareServers(context: Comparison, b: Located, a: Located): void {
  const before = describeServers(b.value);
  const after = describeServers(a.value);
  const changed = Array.isArray(b.value) && Array.isArray(a.value) ? differingServerKeys(b.value, a.value) : [];
  const detail =
    before !== after
      ? `${before} → ${after}; clients that use the default server URL are affected`
      : `same URLs; changed: ${changed
          .slice(0, 5)
          .map((pointer) => code(`servers${pointer}`))
          .join(', ')}`;
  context.emit('servers-changed', 'request', { subject: '', where, detail });
}

function describeServers(value: unknown): string {
  if (!Array.isArray(value)) return '(none)';
  return value.map((server) => code(isObject(server) ? String(server.url) : String(server))).join(', ') || '(none)';
}

/** `/0/x-internal`-style pointers of the server entries' keys that differ. */
function differingServerKeys(before: unknown[], after: unknown[]): string[] {
  const pointers: string[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
    const sb = before[index];
    const sa = after[index];
    if (isDeepStrictEqual(sb, sa)) continue;
    if (!isObject(sb) || !isObject(sa)) pointers.push(`/${index}`);
    else for (const key of unionKeys(sb, sa)) if (!isDeepStrictEqual(sb[key], sa[key])) pointers.push(`/${index}/${key}`);
  }
  return pointers;
}
