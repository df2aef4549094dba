// Parameters: the path item's and the operation's merged, matched by location and name (path
// parameters by their position in the template), each pair compared field by field.
import { isDeepStrictEqual } from 'node:util';
import { code } from '../findings.js';
import { childOf, isObject, type Located } from '../pointer.js';
import type { JsonObject } from '../sources.js';
import type { Comparison, Side } from './context.js';
import { describeValue, unionKeys } from './describe.js';
import { compareContent } from './media-types.js';
import type { OperationPair } from './operation-pair.js';
import { compareSchema } from './schema.js';

const serializationKeys = new Set(['style', 'explode', 'allowReserved', 'allowEmptyValue']);
const documentationKeys = new Set(['description', 'example', 'examples']);

export function compareParameters(context: Comparison, pair: OperationPair): void {
  const findingsBefore = context.findings.length;
  const before = effectiveParameters(context, 'before', pair.beforePath, pair.pathBefore, pair.before);
  const after = effectiveParameters(context, 'after', pair.path, pair.pathAfter, pair.after);
  const whereOf = (parameter: JsonObject) => `${pair.operation}, ${String(parameter.in)} parameter`;
  for (const [key, pb] of before) {
    const parameter = pb.value as JsonObject;
    const pa = after.get(key);
    if (pa !== undefined) {
      compareParameter(context, whereOf(parameter), pb, pa);
      continue;
    }
    context.coverReachable('before', pb);
    const detail = 'clients that send it may now be rejected, and what it did is gone';
    context.emit('parameter-removed', 'request', { subject: code(String(parameter.name)), where: whereOf(parameter), detail });
  }
  for (const [key, pa] of after) {
    if (before.has(key)) continue;
    context.coverReachable('after', pa);
    const parameter = pa.value as JsonObject;
    const place = { subject: code(String(parameter.name)), where: whereOf(parameter) };
    if (parameter.required === true)
      context.emit('parameter-added-required', 'request', { ...place, detail: 'existing clients do not send it' });
    else context.emit('parameter-added-optional', 'request', place);
  }
  if (context.findings.length > findingsBefore) return;
  // No parameter changed, yet the lists differ: reordered, or keys next to a `$ref`.
  const lists = (pathItem: Located, operation: Located) => [childOf(pathItem, 'parameters').value, childOf(operation, 'parameters').value];
  if (isDeepStrictEqual(lists(pair.pathBefore, pair.before), lists(pair.pathAfter, pair.after))) return;
  const detail = 'reordered or written differently; the same parameters';
  context.emit('equivalent-form-changed', 'request', { subject: '', where: `${pair.operation}, parameters`, detail });
}

function effectiveParameters(context: Comparison, side: Side, path: string, pathItem: Located, operation: Located): Map<string, Located> {
  const byKey = new Map<string, Located>();
  for (const owner of [pathItem, operation]) {
    const list = childOf(owner, 'parameters');
    context.cover(list);
    if (!Array.isArray(list.value)) continue;
    list.value.forEach((_, index) => {
      const located = context.resolve(side, childOf(list, index));
      if (isObject(located.value)) byKey.set(parameterKey(located.value, path), located);
    });
  }
  return byKey;
}

function compareParameter(context: Comparison, where: string, b: Located, a: Located): void {
  const pb = b.value as JsonObject;
  const pa = a.value as JsonObject;
  const name = code(String(pa.name));
  for (const key of unionKeys(pb, pa)) {
    const kb = childOf(b, key);
    const ka = childOf(a, key);
    context.cover(kb, ka);
    if (key === 'in') continue; // part of the parameter's identity
    if (key === 'schema') compareSchema(context, { direction: 'request', where, field: String(pa.name), text: true }, kb, ka);
    else if (key === 'content') compareContent(context, 'request', where, kb, ka);
    else if (key === 'name') {
      if (pb.name === pa.name) continue;
      context.emit('parameter-renamed', 'request', {
        subject: name,
        where,
        detail: `${code(String(pb.name))} → ${name}; the URL is the same`,
      });
    } else if (key === 'required') {
      if (Boolean(pb.required) === Boolean(pa.required)) continue;
      if (pa.required)
        context.emit('parameter-became-required', 'request', { subject: name, where, detail: 'existing clients may not send it' });
      else context.emit('parameter-became-optional', 'request', { subject: name, where });
    } else if (key === 'deprecated') {
      if (Boolean(pb.deprecated) === Boolean(pa.deprecated)) continue;
      context.emit(pa.deprecated ? 'parameter-deprecated' : 'parameter-undeprecated', 'request', { subject: name, where });
    } else if (serializationKeys.has(key)) {
      if (isDeepStrictEqual(kb.value, ka.value)) continue;
      const detail = `${code(key)}: ${describeValue(kb.value)} → ${describeValue(ka.value)}`;
      context.emit('parameter-serialization-changed', 'request', { subject: name, where, detail });
    } else if (documentationKeys.has(key)) context.documentation(`Parameter ${key}`, name, where, kb, ka);
    else if (!context.sameExpanded(kb, ka))
      context.emit('parameter-field-changed', 'request', { titleArgument: code(key), subject: name, where });
  }
}

/** Path parameters are known by their position in the template, so renaming one is not a removal. */
function parameterKey(parameter: JsonObject, path: string): string {
  const location = String(parameter.in);
  const name = String(parameter.name);
  if (location === 'path') {
    const names = [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
    const position = names.indexOf(name);
    if (position >= 0) return `path:#${position}`;
  }
  return `${location}:${location === 'header' ? name.toLowerCase() : name}`;
}
