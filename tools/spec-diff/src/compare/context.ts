// The state one comparison carries through the walk: both documents, the findings so far, and the
// pointers whose whole subtree some check has accounted for. Also the helpers every module needs:
// following `$ref`s, marking what was looked at, and turning a rule id into a finding.
import { isDeepStrictEqual } from 'node:util';
import type { Finding } from '../findings.js';
import { childOf, isObject, type Located, valueAt } from '../pointer.js';
import type { JsonObject } from '../sources.js';
import { type Direction, rules } from './rules.js';

export type Side = 'before' | 'after';

/** Nodes one `expand` may produce before it leaves the rest as `$ref`s. */
const expansionBudget = 100_000;

export interface Place {
  /** Field path, parameter, header or example name (Markdown); '' when the change is the place itself. */
  subject: string;
  /** Where in the API, in plain words (Markdown). */
  where: string;
  detail?: string;
  /** Fills `{0}` in the rule's title. */
  titleArgument?: string;
}

export class Comparison {
  readonly findings: Finding[] = [];
  readonly covered = new Set<string>();
  readonly comparedSecuritySchemes = new Set<string>();

  constructor(
    readonly before: JsonObject,
    readonly after: JsonObject,
    /** Trials (see `trial`) left for this comparison and every scratch it makes. */
    private readonly trialBudget: { left: number } = { left: 2000 }
  ) {}

  document(side: Side): JsonObject {
    return side === 'before' ? this.before : this.after;
  }

  root(side: Side): Located {
    return { value: this.document(side), pointer: '' };
  }

  /** Records a finding under a rule; `direction` picks the rule's severity and title for that side. */
  emit(ruleId: string, direction: Direction, place: Place): void {
    const rule = rules.get(ruleId);
    if (rule === undefined) throw new Error(`spec-diff: no rule ${ruleId}`);
    const severity = rule[direction] ?? rule.request ?? rule.response;
    if (severity === undefined) throw new Error(`spec-diff: rule ${ruleId} has no severity`);
    const template = typeof rule.title === 'string' ? rule.title : rule.title[direction];
    const title = template.replace('{0}', place.titleArgument ?? '');
    const { subject, where, detail } = place;
    this.findings.push({
      rule: rule.id,
      severity,
      title,
      subject,
      where,
      source: 'spec-diff',
      ...(detail === undefined ? {} : { detail }),
    });
  }

  /**
   * Runs `compare` on a scratch comparison of the same documents and hands back the findings it
   * made, to weigh alternatives before keeping any. The scratch has its own findings and whatever
   * the walk remembers per comparison, so a trial whose findings are dropped leaves no trace but
   * what it looked at. Undefined once the budget shared by all trials of this comparison is spent:
   * alternatives nested in alternatives multiply trials, and a hostile spec must not.
   */
  trial(compare: (scratch: Comparison) => void): Finding[] | undefined {
    if (this.trialBudget.left <= 0) return undefined;
    this.trialBudget.left -= 1;
    const scratch = new Comparison(this.before, this.after, this.trialBudget);
    compare(scratch);
    for (const pointer of scratch.covered) this.covered.add(pointer);
    return scratch.findings;
  }

  /** Keeps findings a trial gave, each once (alternatives compared with the same schema repeat lines). */
  keep(findings: readonly Finding[]): void {
    const seen = new Set(this.findings.map((finding) => JSON.stringify(finding)));
    for (const finding of findings) {
      const key = JSON.stringify(finding);
      if (seen.has(key)) continue;
      seen.add(key);
      this.findings.push(finding);
    }
  }

  cover(...nodes: Located[]): void {
    for (const node of nodes) this.covered.add(node.pointer);
  }

  /**
   * Follows a chain of `$ref`s, marking every hop as covered. A `$ref` with sibling keys covers
   * only its `$ref`: the siblings are not compared here, so the safety net reports their changes.
   */
  resolve(side: Side, node: Located): Located {
    let current = node;
    const seen = new Set<string>();
    while (isObject(current.value) && typeof current.value.$ref === 'string' && current.value.$ref.startsWith('#')) {
      this.covered.add(Object.keys(current.value).length > 1 ? `${current.pointer}/$ref` : current.pointer);
      const pointer = current.value.$ref.slice(1);
      if (seen.has(pointer)) return current;
      seen.add(pointer);
      current = { value: valueAt(this.document(side), pointer), pointer };
    }
    this.cover(current);
    return current;
  }

  /**
   * Keys written next to a `$ref` (OpenAPI 3.0 ignores them, 3.1 applies them): when they differ
   * between the sides, reports it under `where`, since the walk itself follows the `$ref` only.
   */
  compareRefSiblings(direction: Direction, b: Located, a: Located, place: { subject: string; where: string }): void {
    const siblings = (value: unknown) => {
      if (!isObject(value) || typeof value.$ref !== 'string') return undefined;
      const { $ref: _ref, ...rest } = value;
      return rest;
    };
    const sb = siblings(b.value);
    const sa = siblings(a.value);
    if (sb === undefined && sa === undefined) return;
    if (isDeepStrictEqual(sb ?? {}, sa ?? {})) return;
    const keys = [...new Set([...Object.keys(sb ?? {}), ...Object.keys(sa ?? {})])].map((key) => `\`${key}\``).join(', ');
    this.emit('ref-siblings-changed', direction, { ...place, detail: `${keys} next to a \`$ref\`` });
  }

  /** Marks a node and everything it references as covered: used for added or removed parts. */
  coverReachable(side: Side, node: Located, seen = new Set<string>()): void {
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

  /** Whether two nodes say the same once their `$ref`s are followed. */
  sameExpanded(b: Located, a: Located): boolean {
    return isDeepStrictEqual(this.expand('before', b.value), this.expand('after', a.value));
  }

  /**
   * A value with its `$ref`s replaced by their targets, for equality checks of whole subtrees.
   * At most `expansionBudget` nodes: a DAG of refs would otherwise expand to one copy per path.
   */
  expand(side: Side, value: unknown): unknown {
    return this.expandWithin(side, value, 0, { nodes: expansionBudget });
  }

  private expandWithin(side: Side, value: unknown, depth: number, budget: { nodes: number }): unknown {
    budget.nodes -= 1;
    if (depth > 64 || budget.nodes < 0) return value;
    if (Array.isArray(value)) return value.map((item) => this.expandWithin(side, item, depth + 1, budget));
    if (!isObject(value)) return value;
    if (typeof value.$ref === 'string' && value.$ref.startsWith('#')) {
      const pointer = value.$ref.slice(1);
      this.covered.add(pointer); // whatever compares the expanded value accounts for the target
      return this.expandWithin(side, valueAt(this.document(side), pointer), depth + 1, budget);
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.expandWithin(side, item, depth + 1, budget)]));
  }

  /** A documentation-only difference (description, summary, ...): non-breaking, and says so. */
  documentation(what: string, subject: string, where: string, b: Located, a: Located): void {
    if (this.sameExpanded(b, a)) return;
    const change = b.value === undefined ? 'added' : a.value === undefined ? 'removed' : 'changed';
    this.emit('documentation-changed', 'request', { titleArgument: what, subject, where, detail: `documentation only (${change})` });
  }
}
