// Security: each operation's effective requirements (its own, or the document's default), and
// the security schemes they name, each scheme compared once.
import { isDeepStrictEqual } from 'node:util';
import { code } from '../findings.js';
import { childOf, isObject, type Located, valueAt } from '../pointer.js';
import type { Comparison, Side } from './context.js';
import { unionKeys } from './describe.js';

type Requirement = Map<string, Set<string>>;

const credentialKeys = new Set(['type', 'in', 'name', 'scheme', 'flows', 'openIdConnectUrl']);

export function compareSecurity(context: Comparison, operation: string, b: Located, a: Located): void {
  const where = `${operation}, security`;
  const before = requirementsOf(context, 'before', b);
  const after = requirementsOf(context, 'after', a);
  const lost = before.filter((client) => !after.some((requirement) => satisfies(client, requirement)));
  if (lost.length > 0) {
    const detail = `${describe(before)} → ${describe(after)}; clients that authenticate with ${describe(lost)} are refused`;
    context.emit('security-tightened', 'request', { subject: '', where, detail });
  } else if (describe(before) !== describe(after)) {
    context.emit('security-relaxed', 'request', { subject: '', where, detail: `${describe(before)} → ${describe(after)}` });
  }
  const schemes = new Set([...before, ...after].flatMap((requirement) => [...requirement.keys()]));
  for (const scheme of schemes) compareSecurityScheme(context, scheme);
}

function requirementsOf(context: Comparison, side: Side, operation: Located): Requirement[] {
  const own = childOf(operation, 'security');
  const list = own.value !== undefined ? own : childOf(context.root(side), 'security');
  context.cover(list);
  if (!Array.isArray(list.value) || list.value.length === 0) return [new Map()]; // anonymous access
  return list.value
    .filter(isObject)
    .map(
      (requirement) =>
        new Map(Object.entries(requirement).map(([scheme, scopes]) => [scheme, new Set(Array.isArray(scopes) ? scopes.map(String) : [])]))
    );
}

/** Whether credentials that met `client` still meet `requirement`. */
function satisfies(client: Requirement, requirement: Requirement): boolean {
  return [...requirement].every(([scheme, scopes]) => client.has(scheme) && [...scopes].every((scope) => client.get(scheme)?.has(scope)));
}

function describe(requirements: Requirement[]): string {
  return requirements
    .map((requirement) => {
      if (requirement.size === 0) return 'no authentication';
      return [...requirement].map(([scheme, scopes]) => code(scopes.size > 0 ? `${scheme}[${[...scopes].join(',')}]` : scheme)).join(' + ');
    })
    .join(' or ');
}

function compareSecurityScheme(context: Comparison, scheme: string): void {
  if (context.comparedSecuritySchemes.has(scheme)) return;
  context.comparedSecuritySchemes.add(scheme);
  const pointer = `/components/securitySchemes/${scheme}`;
  const b = context.resolve('before', { value: valueAt(context.before, pointer), pointer });
  const a = context.resolve('after', { value: valueAt(context.after, pointer), pointer });
  const where = `security scheme ${code(scheme)}`;
  if (b.value === undefined || a.value === undefined) {
    if (b.value === a.value) return;
    const detail = `${b.value === undefined ? 'now defined' : 'no longer defined'} in \`components.securitySchemes\``;
    context.emit('security-scheme-field-changed', 'request', { titleArgument: 'definition', subject: '', where, detail });
    return;
  }
  for (const key of unionKeys(b.value, a.value)) {
    const kb = childOf(b, key);
    const ka = childOf(a, key);
    context.cover(kb, ka);
    if (isDeepStrictEqual(kb.value, ka.value)) continue;
    if (key === 'description' || key === 'bearerFormat') context.documentation(`Security scheme ${key}`, '', where, kb, ka);
    else if (credentialKeys.has(key)) {
      const detail = `${code(key)}: ${code(JSON.stringify(kb.value ?? null))} → ${code(
        JSON.stringify(ka.value ?? null)
      )}; clients send the credential the old way`;
      context.emit('security-scheme-changed', 'request', { subject: '', where, detail });
    } else context.emit('security-scheme-field-changed', 'request', { titleArgument: code(key), subject: '', where });
  }
}
