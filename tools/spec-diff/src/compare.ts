// The gate's own field-level comparison of two bundled OpenAPI 3.0 documents. openapi-diff (see
// openapi-diff.ts) compares paths, operations, status codes, headers and bodies as sets of values,
// but it does not look at parameters, security or examples, does not see enum changes, and says
// "the body changed" without naming the field. This walker fills those gaps: it visits every
// operation of both documents side by side, follows $refs, and classifies each difference by
// whether it can break a client that was written against the old document.
//
// Direction decides the verdict: a client *sends* requests (a narrower request schema breaks it)
// and *receives* responses (a wider response schema can break it).
import { isDeepStrictEqual } from 'node:util';
import { code, type Finding, type Severity } from './findings.js';
import { childOf, isObject, type Located, pointerPrefixes, unescapeSegment, valueAt } from './pointer.js';
import type { JsonObject } from './sources.js';

type Direction = 'request' | 'response';
type Side = 'before' | 'after';

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const documentationKeys = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'xml', 'tags']);
const lowerBounds = new Set(['minimum', 'minLength', 'minItems', 'minProperties']);
const upperBounds = new Set(['maximum', 'maxLength', 'maxItems', 'maxProperties']);

interface FlatSchema {
  /** Every keyword except properties/required/allOf, each with where it came from. */
  keywords: Map<string, Located>;
  properties: Map<string, Located>;
  required: Set<string>;
}

export interface ComparisonResult {
  findings: Finding[];
  /** Pointers of the nodes the walker compared in full (their whole subtree is accounted for). */
  covered: Set<string>;
}

export function compareDocuments(before: JsonObject, after: JsonObject): ComparisonResult {
  const comparison = new DocumentComparison(before, after);
  comparison.run();
  return { findings: comparison.findings, covered: comparison.covered };
}

class DocumentComparison {
  readonly findings: Finding[] = [];
  readonly covered = new Set<string>();
  private readonly comparedSecuritySchemes = new Set<string>();

  constructor(
    private readonly before: JsonObject,
    private readonly after: JsonObject,
  ) {}

  run(): void {
    const root = (side: Side): Located => ({ value: side === 'before' ? this.before : this.after, pointer: '' });
    const keys = unionKeys(this.before, this.after);
    for (const key of keys) {
      const b = childOf(root('before'), key);
      const a = childOf(root('after'), key);
      if (key === 'components') continue; // reached through $refs from the operations
      this.cover(b, a);
      if (key === 'paths') this.comparePaths(b, a);
      else if (key === 'security') continue; // compared per operation, as each operation's effective security
      else if (key.startsWith('x-')) continue; // openapi-diff reports top-level extensions
      else if (isDeepStrictEqual(b.value, a.value)) continue;
      else if (key === 'info') this.compareInfo(b, a);
      else if (key === 'tags' || key === 'externalDocs') this.documentation(`${code(key)} changed`, '', 'the document', b, a);
      else if (key === 'servers') {
        const before = describeServers(b.value);
        const after = describeServers(a.value);
        const detail =
          before !== after
            ? `${before} → ${after}; clients that use the default server URL are affected`
            : `same URLs; changed: ${differingPointers(b.value, a.value).slice(0, 5).map((pointer) => code(`servers${pointer}`)).join(', ')}`;
        this.add('unclassified', 'Servers changed', '', 'the document', detail);
      } else if (key === 'openapi') {
        this.add('unclassified', 'OpenAPI version changed', '', 'the document', `${code(String(b.value))} → ${code(String(a.value))}`);
      } else this.add('unclassified', `Top-level ${code(key)} changed`, '', 'the document');
    }
  }

  // ---- bookkeeping -------------------------------------------------------------------------

  private add(severity: Severity, title: string, subject: string, where: string, detail?: string): void {
    this.findings.push({ severity, title, subject, where, source: 'spec-diff', ...(detail === undefined ? {} : { detail }) });
  }

  private cover(...nodes: Located[]): void {
    for (const node of nodes) this.covered.add(node.pointer);
  }

  private document(side: Side): JsonObject {
    return side === 'before' ? this.before : this.after;
  }

  /** Follows a chain of `$ref`s, marking every hop as covered. */
  private resolve(side: Side, node: Located): Located {
    let current = node;
    const seen = new Set<string>();
    this.cover(current);
    while (isObject(current.value) && typeof current.value.$ref === 'string' && current.value.$ref.startsWith('#')) {
      const pointer = current.value.$ref.slice(1);
      if (seen.has(pointer)) break;
      seen.add(pointer);
      current = { value: valueAt(this.document(side), pointer), pointer };
      this.cover(current);
    }
    return current;
  }

  /** Marks a node and everything it references as covered: used for added or removed parts. */
  private coverReachable(side: Side, node: Located, seen = new Set<string>()): void {
    if (seen.has(node.pointer)) return;
    seen.add(node.pointer);
    this.cover(node);
    if (isObject(node.value) && typeof node.value.$ref === 'string' && node.value.$ref.startsWith('#')) {
      const pointer = node.value.$ref.slice(1);
      this.coverReachable(side, { value: valueAt(this.document(side), pointer), pointer }, seen);
    }
    if (isObject(node.value) || Array.isArray(node.value)) {
      for (const key of Object.keys(node.value)) this.coverReachable(side, childOf(node, key), seen);
    }
  }

  private documentation(title: string, subject: string, where: string, b: Located, a: Located): void {
    if (this.sameExpanded(b, a)) return;
    const change = b.value === undefined ? 'added' : a.value === undefined ? 'removed' : 'changed';
    this.add('non-breaking', title, subject, where, `documentation only (${change})`);
  }

  /** A value with its `$ref`s replaced by their targets, for equality checks of whole subtrees. */
  /** Whether two nodes say the same once their `$ref`s are followed. */
  private sameExpanded(b: Located, a: Located): boolean {
    return isDeepStrictEqual(this.expand('before', b.value), this.expand('after', a.value));
  }

  private expand(side: Side, value: unknown, depth = 0): unknown {
    if (depth > 64) return value;
    if (Array.isArray(value)) return value.map((item) => this.expand(side, item, depth + 1));
    if (!isObject(value)) return value;
    if (typeof value.$ref === 'string' && value.$ref.startsWith('#')) {
      const pointer = value.$ref.slice(1);
      this.covered.add(pointer); // whatever compares the expanded value accounts for the target
      return this.expand(side, valueAt(this.document(side), pointer), depth + 1);
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.expand(side, item, depth + 1)]));
  }

  // ---- document level ----------------------------------------------------------------------

  private compareInfo(b: Located, a: Located): void {
    for (const key of unionKeys(b.value, a.value)) {
      if (key === 'version') continue; // the gate itself reports the version change
      this.documentation(`${code(`info.${key}`)} changed`, '', 'the document', childOf(b, key), childOf(a, key));
    }
  }

  private comparePaths(b: Located, a: Located): void {
    const beforePaths = pathsByTemplate(b.value);
    const afterPaths = pathsByTemplate(a.value);
    for (const [template, beforeKey] of beforePaths) {
      const afterKey = afterPaths.get(template);
      if (afterKey === undefined) this.coverReachable('before', childOf(b, beforeKey)); // openapi-diff: path.remove
      else this.comparePathItem(afterKey, beforeKey, childOf(b, beforeKey), childOf(a, afterKey));
    }
    for (const [template, afterKey] of afterPaths) {
      if (!beforePaths.has(template)) this.coverReachable('after', childOf(a, afterKey)); // openapi-diff: path.add
    }
  }

  private comparePathItem(path: string, beforePath: string, b: Located, a: Located): void {
    const rb = this.resolve('before', b);
    const ra = this.resolve('after', a);
    for (const key of unionKeys(rb.value, ra.value)) {
      const kb = childOf(rb, key);
      const ka = childOf(ra, key);
      if ((httpMethods as readonly string[]).includes(key)) {
        if (kb.value === undefined) this.coverReachable('after', ka); // openapi-diff: method.add
        else if (ka.value === undefined) this.coverReachable('before', kb); // openapi-diff: method.remove
        else this.compareOperation(key, path, beforePath, rb, ra, kb, ka);
        continue;
      }
      this.cover(kb, ka);
      if (key === 'parameters') continue; // merged into each operation's parameters
      if (isDeepStrictEqual(kb.value, ka.value)) continue;
      if (key === 'summary' || key === 'description') this.documentation(`Path ${key} changed`, '', code(path), kb, ka);
      else this.add('unclassified', `Path item ${code(key)} changed`, '', code(path));
    }
  }

  // ---- operations --------------------------------------------------------------------------

  private compareOperation(method: string, path: string, beforePath: string, pathB: Located, pathA: Located, b: Located, a: Located): void {
    const operation = code(`${method.toUpperCase()} ${path}`);
    for (const key of unionKeys(b.value, a.value)) {
      const kb = childOf(b, key);
      const ka = childOf(a, key);
      this.cover(kb, ka);
      switch (key) {
        case 'parameters':
          break; // below, merged with the path item's parameters
        case 'requestBody':
          this.compareRequestBody(operation, kb, ka);
          break;
        case 'responses':
          this.compareResponses(operation, kb, ka);
          break;
        case 'security':
          break; // below, with the document's default security
        case 'operationId':
          if (kb.value !== ka.value) {
            this.add('unclassified', 'operationId changed', '', operation, `${code(String(kb.value))} → ${code(String(ka.value))}; the wire format is the same, but generated clients and types rename the call`);
          }
          break;
        case 'deprecated':
          if (Boolean(kb.value) !== Boolean(ka.value)) {
            this.add('non-breaking', ka.value ? 'Operation deprecated' : 'Operation no longer deprecated', '', operation);
          }
          break;
        case 'summary':
        case 'description':
        case 'tags':
        case 'externalDocs':
          this.documentation(`Operation ${key} changed`, '', operation, kb, ka);
          break;
        default:
          if (!this.sameExpanded(kb, ka)) {
            this.add('unclassified', `Operation ${code(key)} changed`, '', operation);
          }
      }
    }
    this.compareParameters(operation, path, beforePath, pathB, pathA, b, a);
    this.compareSecurity(operation, b, a);
  }

  private effectiveParameters(side: Side, path: string, pathItem: Located, operation: Located): Map<string, Located> {
    const byKey = new Map<string, Located>();
    for (const owner of [pathItem, operation]) {
      const list = childOf(owner, 'parameters');
      this.cover(list);
      if (!Array.isArray(list.value)) continue;
      list.value.forEach((_, index) => {
        const located = this.resolve(side, childOf(list, index));
        if (!isObject(located.value)) return;
        byKey.set(parameterKey(located.value, path), located);
      });
    }
    return byKey;
  }

  private compareParameters(operation: string, path: string, beforePath: string, pathB: Located, pathA: Located, b: Located, a: Located): void {
    const before = this.effectiveParameters('before', beforePath, pathB, b);
    const after = this.effectiveParameters('after', path, pathA, a);
    for (const [key, pb] of before) {
      const parameter = pb.value as JsonObject;
      const where = `${operation}, ${String(parameter.in)} parameter`;
      const pa = after.get(key);
      if (pa === undefined) {
        this.coverReachable('before', pb);
        this.add('breaking', 'Parameter removed', code(String(parameter.name)), where, 'clients that send it may now be rejected, and what it did is gone');
      } else this.compareParameter(where, pb, pa);
    }
    for (const [key, pa] of after) {
      if (before.has(key)) continue;
      this.coverReachable('after', pa);
      const parameter = pa.value as JsonObject;
      const where = `${operation}, ${String(parameter.in)} parameter`;
      if (parameter.required === true) this.add('breaking', 'Required parameter added', code(String(parameter.name)), where, 'existing clients do not send it');
      else this.add('non-breaking', 'Optional parameter added', code(String(parameter.name)), where);
    }
  }

  private compareParameter(where: string, b: Located, a: Located): void {
    const pb = b.value as JsonObject;
    const pa = a.value as JsonObject;
    const name = code(String(pa.name));
    for (const key of unionKeys(pb, pa)) {
      const kb = childOf(b, key);
      const ka = childOf(a, key);
      this.cover(kb, ka);
      switch (key) {
        case 'in':
          break; // part of the parameter's identity
        case 'name':
          if (pb.name !== pa.name) this.add('non-breaking', 'Path parameter renamed', name, where, `${code(String(pb.name))} → ${name}; the URL is the same`);
          break;
        case 'schema':
          this.compareSchema('request', where, String(pa.name), kb, ka, new Set());
          break;
        case 'required':
          if (Boolean(pb.required) !== Boolean(pa.required)) {
            if (pa.required) this.add('breaking', 'Parameter became required', name, where, 'existing clients may not send it');
            else this.add('non-breaking', 'Parameter became optional', name, where);
          }
          break;
        case 'deprecated':
          if (Boolean(pb.deprecated) !== Boolean(pa.deprecated)) {
            this.add('non-breaking', pa.deprecated ? 'Parameter deprecated' : 'Parameter no longer deprecated', name, where);
          }
          break;
        case 'style':
        case 'explode':
        case 'allowReserved':
        case 'allowEmptyValue':
          if (!isDeepStrictEqual(kb.value, ka.value)) {
            this.add('breaking', 'Parameter serialization changed', name, where, `${code(key)}: ${describeValue(kb.value)} → ${describeValue(ka.value)}`);
          }
          break;
        case 'description':
        case 'example':
        case 'examples':
          this.documentation(`Parameter ${key} changed`, name, where, kb, ka);
          break;
        default:
          if (!this.sameExpanded(kb, ka)) {
            this.add('unclassified', `Parameter ${code(key)} changed`, name, where);
          }
      }
    }
  }

  private compareRequestBody(operation: string, b: Located, a: Located): void {
    const where = `${operation}, request body`;
    if (b.value === undefined || a.value === undefined) {
      const present = b.value === undefined ? this.resolve('after', a) : this.resolve('before', b);
      this.coverReachable(b.value === undefined ? 'after' : 'before', present);
      const required = isObject(present.value) && present.value.required === true;
      if (b.value === undefined) {
        if (required) this.add('breaking', 'Required request body added', '', where, 'existing clients send no body');
        else this.add('non-breaking', 'Optional request body added', '', where);
      } else this.add('unclassified', 'Request body removed', '', where, 'clients that still send one depend on the server ignoring it');
      return;
    }
    const rb = this.resolve('before', b);
    const ra = this.resolve('after', a);
    for (const key of unionKeys(rb.value, ra.value)) {
      const kb = childOf(rb, key);
      const ka = childOf(ra, key);
      this.cover(kb, ka);
      if (key === 'content') this.compareContent('request', where, kb, ka);
      else if (key === 'required') {
        if (Boolean(kb.value) !== Boolean(ka.value)) {
          if (ka.value) this.add('breaking', 'Request body became required', '', where);
          else this.add('non-breaking', 'Request body became optional', '', where);
        }
      } else if (key === 'description') this.documentation('Request body description changed', '', where, kb, ka);
      else if (!this.sameExpanded(kb, ka)) {
        this.add('unclassified', `Request body ${code(key)} changed`, '', where);
      }
    }
  }

  private compareResponses(operation: string, b: Located, a: Located): void {
    for (const status of unionKeys(b.value, a.value)) {
      const kb = childOf(b, status);
      const ka = childOf(a, status);
      // Added and removed status codes are openapi-diff's response.status-code.add/remove.
      if (kb.value === undefined) this.coverReachable('after', ka);
      else if (ka.value === undefined) this.coverReachable('before', kb);
      else this.compareResponse(`${operation}, response ${status}`, kb, ka);
    }
  }

  private compareResponse(where: string, b: Located, a: Located): void {
    const rb = this.resolve('before', b);
    const ra = this.resolve('after', a);
    for (const key of unionKeys(rb.value, ra.value)) {
      const kb = childOf(rb, key);
      const ka = childOf(ra, key);
      this.cover(kb, ka);
      if (key === 'content') this.compareContent('response', where, kb, ka);
      else if (key === 'headers') this.compareHeaders(where, kb, ka);
      else if (key === 'description') this.documentation('Response description changed', '', where, kb, ka);
      else if (!this.sameExpanded(kb, ka)) {
        this.add('unclassified', `Response ${code(key)} changed`, '', where);
      }
    }
  }

  private compareHeaders(where: string, b: Located, a: Located): void {
    const beforeNames = new Map([...keysOf(b.value)].map((name) => [name.toLowerCase(), name]));
    const afterNames = new Map([...keysOf(a.value)].map((name) => [name.toLowerCase(), name]));
    for (const [lower, beforeName] of beforeNames) {
      const afterName = afterNames.get(lower);
      // Added and removed headers are openapi-diff's response.*.header.add/remove.
      if (afterName === undefined) {
        this.coverReachable('before', childOf(b, beforeName));
        continue;
      }
      const hb = this.resolve('before', childOf(b, beforeName));
      const ha = this.resolve('after', childOf(a, afterName));
      const header = `header ${code(afterName)}`;
      for (const key of unionKeys(hb.value, ha.value)) {
        const kb = childOf(hb, key);
        const ka = childOf(ha, key);
        this.cover(kb, ka);
        if (key === 'schema') this.compareSchema('response', `${where}, ${header}`, '', kb, ka, new Set());
        else if (key === 'required') {
          if (Boolean(kb.value) !== Boolean(ka.value)) {
            if (ka.value) this.add('non-breaking', 'Response header became required', code(afterName), where);
            else this.add('breaking', 'Response header became optional', code(afterName), where, 'clients may rely on it being sent');
          }
        } else if (documentationKeys.has(key)) this.documentation(`Header ${key} changed`, code(afterName), where, kb, ka);
        else if (!this.sameExpanded(kb, ka)) {
          this.add('unclassified', `Header ${code(key)} changed`, code(afterName), where);
        }
      }
    }
    for (const [lower, afterName] of afterNames) {
      if (!beforeNames.has(lower)) this.coverReachable('after', childOf(a, afterName));
    }
  }

  private compareContent(direction: Direction, where: string, b: Located, a: Located): void {
    for (const mediaType of unionKeys(b.value, a.value)) {
      const mb = childOf(b, mediaType);
      const ma = childOf(a, mediaType);
      const mediaWhere = `${where} (${code(mediaType)})`;
      if (mb.value === undefined) {
        this.coverReachable('after', ma);
        this.add('non-breaking', direction === 'request' ? 'Request media type added' : 'Response media type added', code(mediaType), where);
      } else if (ma.value === undefined) {
        this.coverReachable('before', mb);
        if (direction === 'request') this.add('breaking', 'Request media type removed', code(mediaType), where, 'clients that send it are no longer served');
        else this.add('breaking', 'Response media type removed', code(mediaType), where, 'clients that ask for it are no longer served');
      } else this.compareMediaType(direction, mediaWhere, mb, ma);
    }
  }

  private compareMediaType(direction: Direction, where: string, b: Located, a: Located): void {
    for (const key of unionKeys(b.value, a.value)) {
      const kb = childOf(b, key);
      const ka = childOf(a, key);
      this.cover(kb, ka);
      if (key === 'schema') this.compareSchema(direction, where, '', kb, ka, new Set());
      else if (key === 'examples') this.compareExamples(where, kb, ka);
      else if (key === 'example') this.documentation('Example changed', '', where, kb, ka);
      else if (!this.sameExpanded(kb, ka)) {
        this.add('unclassified', `Media type ${code(key)} changed`, '', where);
      }
    }
  }

  private compareExamples(where: string, b: Located, a: Located): void {
    for (const name of unionKeys(b.value, a.value)) {
      const eb = childOf(b, name);
      const ea = childOf(a, name);
      if (eb.value === undefined) {
        this.coverReachable('after', ea);
        this.add('non-breaking', 'Example added', code(name), where, 'documentation only');
      } else if (ea.value === undefined) {
        this.coverReachable('before', eb);
        this.add('non-breaking', 'Example removed', code(name), where, 'documentation only');
      } else {
        const rb = this.resolve('before', eb);
        const ra = this.resolve('after', ea);
        this.coverReachable('before', rb);
        this.coverReachable('after', ra);
        if (!this.sameExpanded(rb, ra)) {
          this.add('non-breaking', 'Example changed', code(name), where, 'documentation only');
        }
      }
    }
  }

  // ---- security ----------------------------------------------------------------------------

  private compareSecurity(operation: string, b: Located, a: Located): void {
    const where = `${operation}, security`;
    const requirementsOf = (side: Side, op: Located): Array<Map<string, Set<string>>> => {
      const own = childOf(op, 'security');
      const list = own.value !== undefined ? own : childOf({ value: this.document(side), pointer: '' }, 'security');
      this.cover(list);
      if (!Array.isArray(list.value) || list.value.length === 0) return [new Map()]; // anonymous access
      return list.value.filter(isObject).map((requirement) => new Map(Object.entries(requirement).map(([scheme, scopes]) => [scheme, new Set(Array.isArray(scopes) ? scopes.map(String) : [])])));
    };
    const before = requirementsOf('before', b);
    const after = requirementsOf('after', a);
    const satisfies = (client: Map<string, Set<string>>, requirement: Map<string, Set<string>>) =>
      [...requirement].every(([scheme, scopes]) => client.has(scheme) && [...scopes].every((scope) => client.get(scheme)?.has(scope)));
    const lost = before.filter((client) => !after.some((requirement) => satisfies(client, requirement)));
    if (lost.length > 0) {
      this.add('breaking', 'Security requirements tightened', '', where, `${describeSecurity(before)} → ${describeSecurity(after)}; clients that authenticate with ${describeSecurity(lost)} are refused`);
    } else if (describeSecurity(before) !== describeSecurity(after)) {
      this.add('non-breaking', 'Security requirements relaxed', '', where, `${describeSecurity(before)} → ${describeSecurity(after)}`);
    }
    const schemes = new Set([...before, ...after].flatMap((requirement) => [...requirement.keys()]));
    for (const scheme of schemes) this.compareSecurityScheme(scheme);
  }

  private compareSecurityScheme(scheme: string): void {
    if (this.comparedSecuritySchemes.has(scheme)) return;
    this.comparedSecuritySchemes.add(scheme);
    const pointer = `/components/securitySchemes/${scheme}`;
    const b = this.resolve('before', { value: valueAt(this.before, pointer), pointer });
    const a = this.resolve('after', { value: valueAt(this.after, pointer), pointer });
    const where = `security scheme ${code(scheme)}`;
    if (b.value === undefined || a.value === undefined) return; // the requirement change above says it
    for (const key of unionKeys(b.value, a.value)) {
      const kb = childOf(b, key);
      const ka = childOf(a, key);
      this.cover(kb, ka);
      if (isDeepStrictEqual(kb.value, ka.value)) continue;
      if (key === 'description' || key === 'bearerFormat') this.documentation(`Security scheme ${key} changed`, '', where, kb, ka);
      else if (['type', 'in', 'name', 'scheme', 'flows', 'openIdConnectUrl'].includes(key)) {
        this.add('breaking', 'Security scheme changed', '', where, `${code(key)}: ${code(JSON.stringify(kb.value ?? null))} → ${code(JSON.stringify(ka.value ?? null))}; clients send the credential the old way`);
      } else this.add('unclassified', `Security scheme ${code(key)} changed`, '', where);
    }
  }

  // ---- schemas -----------------------------------------------------------------------------

  private compareSchema(direction: Direction, where: string, field: string, b: Located, a: Located, stack: Set<string>): void {
    const rb = this.resolve('before', b);
    const ra = this.resolve('after', a);
    const pairKey = `${rb.pointer}|${ra.pointer}`;
    if (stack.has(pairKey)) return; // a recursive schema: this pair is already being compared further up
    const inner = new Set(stack).add(pairKey);
    const sb = this.flatten('before', rb);
    const sa = this.flatten('after', ra);
    const subject = field === '' ? 'the body' : code(field);
    const tightened = (title: string, detail: string) => this.add(direction === 'request' ? 'breaking' : 'non-breaking', title, subject, where, detail);
    const loosened = (title: string, detail: string) => this.add(direction === 'request' ? 'non-breaking' : 'breaking', title, subject, where, detail);

    for (const key of new Set([...sb.keywords.keys(), ...sa.keywords.keys()])) {
      const kb = sb.keywords.get(key) ?? { value: undefined, pointer: `${rb.pointer}/${key}` };
      const ka = sa.keywords.get(key) ?? { value: undefined, pointer: `${ra.pointer}/${key}` };
      this.cover(kb, ka);
      if (key === 'items' || key === 'additionalProperties') {
        this.compareSubschema(direction, where, field, key, kb, ka, inner, tightened, loosened);
        continue;
      }
      const vb = this.expand('before', kb.value);
      const va = this.expand('after', ka.value);
      if (isDeepStrictEqual(vb, va)) continue;
      const change = `${describeValue(vb)} → ${describeValue(va)}`;
      if (key === 'type') this.add('breaking', 'Type changed', subject, where, change);
      else if (key === 'enum') this.compareEnum(direction, subject, where, vb, va);
      else if (key === 'nullable') (va === true ? loosened : tightened)('Nullability changed', `${code('nullable')}: ${change}`);
      else if (lowerBounds.has(key) || upperBounds.has(key)) {
        const raised = vb === undefined || (typeof va === 'number' && typeof vb === 'number' && va > vb);
        const removed = va === undefined;
        const tighter = lowerBounds.has(key) ? !removed && raised : !removed && (vb === undefined || (va as number) < (vb as number));
        (tighter ? tightened : loosened)(tighter ? 'Constraint tightened' : 'Constraint loosened', `${code(key)}: ${change}`);
      } else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && (typeof vb === 'number' || typeof va === 'number')) {
        // OpenAPI 3.1: exclusive bounds are numbers, read like minimum and maximum.
        const lower = key === 'exclusiveMinimum';
        const tighter = va !== undefined && (vb === undefined || (lower ? (va as number) > (vb as number) : (va as number) < (vb as number)));
        (tighter ? tightened : loosened)(tighter ? 'Constraint tightened' : 'Constraint loosened', `${code(key)}: ${change}`);
      } else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum' || key === 'uniqueItems') {
        (va === true ? tightened : loosened)(va === true ? 'Constraint tightened' : 'Constraint loosened', `${code(key)}: ${change}`);
      } else if (key === 'pattern' && (vb === undefined || va === undefined)) {
        (va !== undefined ? tightened : loosened)(va !== undefined ? 'Constraint tightened' : 'Constraint loosened', `${code('pattern')}: ${change}`);
      } else if (key === 'deprecated') {
        this.add('non-breaking', va === true ? 'Field deprecated' : 'Field no longer deprecated', subject, where);
      } else if (documentationKeys.has(key)) {
        this.add('non-breaking', `Schema ${key} changed`, subject, where, 'documentation only');
      } else if (key === 'default') {
        this.add('unclassified', 'Default value changed', subject, where, `${change}; clients that leave it out get a different behaviour`);
      } else this.add('unclassified', `Schema ${code(key)} changed`, subject, where, change);
    }

    const fieldName = (name: string) => (field === '' ? name : `${field}.${name}`);
    for (const name of new Set([...sb.properties.keys(), ...sa.properties.keys()])) {
      const pb = sb.properties.get(name);
      const pa = sa.properties.get(name);
      const property = code(fieldName(name));
      if (pa === undefined && pb !== undefined) {
        this.coverReachable('before', pb);
        if (direction === 'response') this.add('breaking', 'Response field removed', property, where, 'clients that read it get nothing');
        else if (sa.keywords.get('additionalProperties')?.value === false) {
          this.add('breaking', 'Request field removed', property, where, 'no longer accepted (additionalProperties: false): clients that send it are rejected');
        } else this.add('non-breaking', 'Request field removed', property, where, 'the server ignores it now');
      } else if (pb === undefined && pa !== undefined) {
        this.coverReachable('after', pa);
        const required = sa.required.has(name);
        if (direction === 'response') this.add('non-breaking', 'Response field added', property, where, required ? 'always present' : 'optional');
        else if (required) this.add('breaking', 'Required request field added', property, where, 'existing clients do not send it');
        else this.add('non-breaking', 'Optional request field added', property, where);
      } else if (pb !== undefined && pa !== undefined) {
        this.compareSchema(direction, where, fieldName(name), pb, pa, inner);
        const wasRequired = sb.required.has(name);
        const isRequired = sa.required.has(name);
        if (wasRequired && !isRequired) {
          if (direction === 'response') this.add('breaking', 'Response field became optional', property, where, 'clients may rely on it being present');
          else this.add('non-breaking', 'Request field became optional', property, where);
        } else if (!wasRequired && isRequired) {
          if (direction === 'response') this.add('non-breaking', 'Response field became required', property, where, 'now always present');
          else this.add('breaking', 'Request field became required', property, where, 'existing clients may not send it');
        }
      }
    }
    // `required` names without a property definition on either side.
    const undefinedRequired = (schema: FlatSchema, other: FlatSchema) =>
      [...schema.required].filter((name) => !schema.properties.has(name) && !other.properties.has(name));
    const requiredOnlyBefore = undefinedRequired(sb, sa).filter((name) => !sa.required.has(name));
    const requiredOnlyAfter = undefinedRequired(sa, sb).filter((name) => !sb.required.has(name));
    if (requiredOnlyBefore.length > 0 || requiredOnlyAfter.length > 0) {
      this.add('unclassified', 'Required names changed', subject, where, `${describeValue(requiredOnlyBefore)} → ${describeValue(requiredOnlyAfter)}`);
    }
  }

  private compareSubschema(
    direction: Direction,
    where: string,
    field: string,
    key: 'items' | 'additionalProperties',
    b: Located,
    a: Located,
    stack: Set<string>,
    tightened: (title: string, detail: string) => void,
    loosened: (title: string, detail: string) => void,
  ): void {
    const childField = key === 'items' ? `${field}[]` : `${field === '' ? '' : field}.*`;
    const bIsSchema = isObject(b.value);
    const aIsSchema = isObject(a.value);
    if (bIsSchema && aIsSchema) {
      this.compareSchema(direction, where, childField, b, a, stack);
      return;
    }
    if (isDeepStrictEqual(b.value, a.value)) return;
    // Absent and `true` both allow anything; `false` or a schema restricts.
    const allowsAnything = (value: unknown) => value === undefined || value === true || (isObject(value) && Object.keys(value).length === 0);
    const change = `${code(key)}: ${describeValue(this.expand('before', b.value))} → ${describeValue(this.expand('after', a.value))}`;
    if (bIsSchema) this.coverReachable('before', b);
    if (aIsSchema) this.coverReachable('after', a);
    if (allowsAnything(b.value) && allowsAnything(a.value)) return;
    if (allowsAnything(b.value)) tightened('Constraint tightened', change);
    else if (allowsAnything(a.value)) loosened('Constraint loosened', change);
    else this.add('unclassified', `Schema ${code(key)} changed`, field === '' ? 'the body' : code(field), where, change);
  }

  private compareEnum(direction: Direction, subject: string, where: string, before: unknown, after: unknown): void {
    const list = (value: unknown) => (Array.isArray(value) ? value.map((item) => JSON.stringify(item)) : undefined);
    const vb = list(before);
    const va = list(after);
    const show = (values: string[]) => values.map((value) => code(JSON.parse(value))).join(', ');
    if (vb === undefined && va !== undefined) {
      if (direction === 'request') this.add('breaking', 'Enum added', subject, where, `only ${show(va)} allowed now`);
      else this.add('non-breaking', 'Enum added', subject, where, `only ${show(va)} sent now`);
      return;
    }
    if (va === undefined && vb !== undefined) {
      if (direction === 'request') this.add('non-breaking', 'Enum removed', subject, where, `any value allowed now (was ${show(vb)})`);
      else this.add('breaking', 'Enum removed', subject, where, `any value may be sent now (was ${show(vb)})`);
      return;
    }
    const removed = (vb ?? []).filter((value) => !(va ?? []).includes(value));
    const added = (va ?? []).filter((value) => !(vb ?? []).includes(value));
    if (removed.length > 0) {
      if (direction === 'request') this.add('breaking', 'Enum narrowed', subject, where, `no longer allowed: ${show(removed)}`);
      else this.add('non-breaking', 'Enum narrowed', subject, where, `no longer sent: ${show(removed)}`);
    }
    if (added.length > 0) {
      if (direction === 'request') this.add('non-breaking', 'Enum widened', subject, where, `now also allowed: ${show(added)}`);
      else this.add('breaking', 'Enum widened', subject, where, `may now be sent: ${show(added)}; clients that switch over the values do not know them`);
    }
  }

  /** Merges `allOf` into one schema so that a field moved into or out of an allOf is not a change. */
  private flatten(side: Side, schema: Located, depth = 0): FlatSchema {
    const flat: FlatSchema = { keywords: new Map(), properties: new Map(), required: new Set() };
    if (!isObject(schema.value)) {
      if (schema.value !== undefined) flat.keywords.set('(schema)', schema);
      return flat;
    }
    const parts: Located[] = [];
    const allOf = childOf(schema, 'allOf');
    this.cover(allOf);
    if (Array.isArray(allOf.value) && depth < 32) {
      allOf.value.forEach((_, index) => parts.push(this.resolve(side, childOf(allOf, index))));
    }
    // Subschemas first, so the schema's own keywords (its description, say) win.
    for (const part of parts) {
      const sub = this.flatten(side, part, depth + 1);
      for (const [key, value] of sub.keywords) flat.keywords.set(key, value);
      for (const [name, value] of sub.properties) flat.properties.set(name, value);
      for (const name of sub.required) flat.required.add(name);
    }
    for (const key of Object.keys(schema.value)) {
      const located = childOf(schema, key);
      if (key === 'allOf' || key === '$ref') continue;
      if (key === 'properties') {
        this.cover(located);
        for (const name of keysOf(located.value)) flat.properties.set(name, childOf(located, name));
      } else if (key === 'required') {
        this.cover(located);
        if (Array.isArray(located.value)) for (const name of located.value) flat.required.add(String(name));
      } else flat.keywords.set(key, located);
    }
    return flat;
  }
}

// ---- helpers -------------------------------------------------------------------------------

function keysOf(value: unknown): string[] {
  return isObject(value) ? Object.keys(value) : [];
}

function unionKeys(before: unknown, after: unknown): string[] {
  return [...new Set([...keysOf(before), ...keysOf(after)])];
}

/** Path keys by their template with parameter names blanked: `/tasks/{id}` and `/tasks/{taskId}` match. */
function pathsByTemplate(paths: unknown): Map<string, string> {
  return new Map(keysOf(paths).map((path) => [path.replace(/\{[^}]*\}/g, '{}'), path]));
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

function describeValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return code(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

function describeServers(value: unknown): string {
  if (!Array.isArray(value)) return '(none)';
  return value.map((server) => code(isObject(server) ? String(server.url) : String(server))).join(', ') || '(none)';
}

function describeSecurity(requirements: Array<Map<string, Set<string>>>): string {
  return requirements
    .map((requirement) => {
      if (requirement.size === 0) return 'no authentication';
      return [...requirement].map(([scheme, scopes]) => code(scopes.size > 0 ? `${scheme}[${[...scopes].join(',')}]` : scheme)).join(' + ');
    })
    .join(' or ');
}

/** Pointers where the two documents differ, as deep as both sides are objects or arrays. */
export function differingPointers(before: unknown, after: unknown, pointer = ''): string[] {
  if (isDeepStrictEqual(before, after)) return [];
  const bothObjects = isObject(before) && isObject(after);
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if (!bothObjects && !bothArrays) return [pointer];
  const keys = bothArrays
    ? Array.from({ length: Math.max((before as unknown[]).length, (after as unknown[]).length) }, (_, index) => String(index))
    : unionKeys(before, after);
  return keys.flatMap((key) => {
    const segment = key.replaceAll('~', '~0').replaceAll('/', '~1');
    return differingPointers((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], `${pointer}/${segment}`);
  });
}

/**
 * Differences no check looked at: every differing pointer with no covered ancestor. Changes to
 * components no operation uses come out as "unused component" lines; anything else is left
 * unclassified for the reviewer.
 */
export function uncoveredChanges(before: JsonObject, after: JsonObject, covered: Set<string>): Finding[] {
  const groups = new Map<string, Finding>();
  for (const pointer of differingPointers(before, after)) {
    if (pointerPrefixes(pointer).some((prefix) => covered.has(prefix))) continue;
    const segments = pointer.split('/').slice(1).map(unescapeSegment);
    if (segments[0] === 'components' && segments.length >= 3) {
      const componentPointer = `/components/${pointer.split('/').slice(2, 4).join('/')}`;
      const existedBefore = valueAt(before, componentPointer) !== undefined;
      const existsAfter = valueAt(after, componentPointer) !== undefined;
      const change = !existedBefore ? 'added' : !existsAfter ? 'removed' : 'changed';
      groups.set(componentPointer, {
        severity: 'non-breaking',
        title: `Unused component ${change}`,
        subject: code(`components.${segments[1]}.${segments[2]}`),
        where: 'the document',
        detail: 'no operation refers to it, so no client sees it',
        source: 'spec-diff',
      });
    } else {
      groups.set(pointer, {
        severity: 'unclassified',
        title: 'Change no check classifies',
        subject: code(`#${pointer}`),
        where: 'the document',
        source: 'spec-diff',
      });
    }
  }
  return [...groups.values()];
}
