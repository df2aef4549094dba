// Every classification the field-level checks can make, as data: the walker (the other modules of
// this folder) decides which rule a difference falls under; this table says what the rule is
// called and how bad it is in what clients send (request) and in what they receive (response).
// A rule that exists for one direction only names its twin for the other, or says why it has none
// (see test/rules.test.ts).
import type { Severity } from '../findings.js';

export type Direction = 'request' | 'response';

export interface Rule {
  /** Stable name: tests and the README refer to rules by it. */
  readonly id: string;
  /** The report's bold title; `{0}` is filled by the walker (a key name). One per direction where they differ. */
  readonly title: string | { readonly request: string; readonly response: string };
  /** How bad the change is where clients send it. */
  readonly request?: Severity;
  /** How bad the change is where clients receive it. */
  readonly response?: Severity;
  /** For a one-direction rule: the rule that covers the same change in the other direction. */
  readonly twin?: string;
  /** For a one-direction rule with no twin: why the other direction cannot have this change. */
  readonly waiver?: string;
}

const B: Severity = 'breaking';
const N: Severity = 'non-breaking';
const U: Severity = 'unclassified';

/** Rules that do not depend on direction: same severity both ways. */
const both = (id: string, title: Rule['title'], severity: Severity): Rule => ({ id, title, request: severity, response: severity });
const noResponse = 'parameters, request bodies and security requirements exist only in what clients send';
const noRequest = 'status codes and response headers exist only in what clients receive';

export const ruleList: readonly Rule[] = [
  // ---- document and paths: not about direction
  both('documentation-changed', '{0} changed', N),
  both('servers-changed', 'Servers changed', U),
  both('openapi-version-changed', 'OpenAPI version changed', U),
  both('document-field-changed', 'Top-level {0} changed', U),
  both('unused-component-changed', 'Unused component {0}', N),
  both('unclassified-change', 'Change no check classifies', U),
  both('path-item-field-changed', 'Path item {0} changed', U),
  both('path-added', 'Path added', N),
  both('path-removed', 'Path removed', B),
  both('operation-added', 'Operation added', N),
  both('operation-removed', 'Operation removed', B),
  both('operation-id-changed', 'operationId changed', U),
  both('operation-deprecated', 'Operation deprecated', N),
  both('operation-undeprecated', 'Operation no longer deprecated', N),
  both('operation-field-changed', 'Operation {0} changed', U),
  // ---- parameters (request only)
  { id: 'parameter-removed', title: 'Parameter removed', request: B, waiver: noResponse },
  { id: 'parameter-added-required', title: 'Required parameter added', request: B, twin: 'response-header-added' },
  { id: 'parameter-added-optional', title: 'Optional parameter added', request: N, twin: 'response-header-added' },
  { id: 'parameter-renamed', title: 'Path parameter renamed', request: N, waiver: noResponse },
  { id: 'parameter-became-required', title: 'Parameter became required', request: B, twin: 'response-header-became-required' },
  { id: 'parameter-became-optional', title: 'Parameter became optional', request: N, twin: 'response-header-became-optional' },
  { id: 'parameter-deprecated', title: 'Parameter deprecated', request: N, waiver: noResponse },
  { id: 'parameter-undeprecated', title: 'Parameter no longer deprecated', request: N, waiver: noResponse },
  { id: 'parameter-serialization-changed', title: 'Parameter serialization changed', request: B, waiver: noResponse },
  { id: 'parameter-field-changed', title: 'Parameter {0} changed', request: U, twin: 'response-header-field-changed' },
  // ---- request bodies (request only)
  { id: 'request-body-added-required', title: 'Required request body added', request: B, waiver: noResponse },
  { id: 'request-body-added-optional', title: 'Optional request body added', request: N, waiver: noResponse },
  { id: 'request-body-removed', title: 'Request body removed', request: B, waiver: noResponse },
  { id: 'request-body-became-required', title: 'Request body became required', request: B, waiver: noResponse },
  { id: 'request-body-became-optional', title: 'Request body became optional', request: N, waiver: noResponse },
  { id: 'request-body-field-changed', title: 'Request body {0} changed', request: U, twin: 'response-field-changed' },
  // ---- responses and their headers (response only)
  { id: 'response-status-added', title: 'Response status added', response: N, waiver: noRequest },
  { id: 'response-status-removed', title: 'Response status removed', response: B, waiver: noRequest },
  { id: 'response-field-changed', title: 'Response {0} changed', response: U, twin: 'request-body-field-changed' },
  { id: 'response-header-added', title: 'Response header added', response: N, twin: 'parameter-added-optional' },
  { id: 'response-header-removed', title: 'Response header removed', response: B, twin: 'parameter-removed' },
  { id: 'response-header-became-required', title: 'Response header became required', response: N, twin: 'parameter-became-required' },
  { id: 'response-header-became-optional', title: 'Response header became optional', response: B, twin: 'parameter-became-optional' },
  { id: 'response-header-field-changed', title: 'Header {0} changed', response: U, twin: 'parameter-field-changed' },
  // ---- media types and examples
  {
    id: 'media-type-added',
    title: { request: 'Request media type added', response: 'Response media type added' },
    request: N,
    response: N,
  },
  {
    id: 'media-type-removed',
    title: { request: 'Request media type removed', response: 'Response media type removed' },
    request: B,
    response: B,
  },
  both('media-type-field-changed', 'Media type {0} changed', U),
  both('example-added', 'Example added', N),
  both('example-removed', 'Example removed', N),
  both('example-changed', 'Example changed', N),
  // ---- security (what clients send)
  { id: 'security-tightened', title: 'Security requirements tightened', request: B, waiver: noResponse },
  { id: 'security-relaxed', title: 'Security requirements relaxed', request: N, waiver: noResponse },
  { id: 'security-scheme-changed', title: 'Security scheme changed', request: B, waiver: noResponse },
  { id: 'security-scheme-field-changed', title: 'Security scheme {0} changed', request: U, waiver: noResponse },
  // ---- schemas: the same change, judged by direction
  { id: 'property-removed', title: { request: 'Request field removed', response: 'Response field removed' }, request: N, response: B },
  {
    id: 'property-removed-closed',
    title: { request: 'Request field removed', response: 'Response field removed' },
    request: B,
    response: B,
  },
  {
    id: 'property-added-required',
    title: { request: 'Required request field added', response: 'Response field added' },
    request: B,
    response: N,
  },
  {
    id: 'property-added-optional',
    title: { request: 'Optional request field added', response: 'Response field added' },
    request: N,
    response: N,
  },
  {
    id: 'property-became-required',
    title: { request: 'Request field became required', response: 'Response field became required' },
    request: B,
    response: N,
  },
  {
    id: 'property-became-optional',
    title: { request: 'Request field became optional', response: 'Response field became optional' },
    request: N,
    response: B,
  },
  { id: 'property-became-read-only', title: 'Field became read-only', request: B, response: N },
  { id: 'property-no-longer-read-only', title: 'Field no longer read-only', request: N, response: N },
  { id: 'property-became-write-only', title: 'Field became write-only', request: N, response: B },
  { id: 'property-no-longer-write-only', title: 'Field no longer write-only', request: N, response: N },
  { id: 'property-not-exchanged-changed', title: 'Field clients do not exchange changed', request: N, response: N },
  both('type-changed', 'Type changed', B),
  { id: 'type-widened', title: 'Type widened', request: N, response: B },
  { id: 'type-narrowed', title: 'Type narrowed', request: B, response: N },
  { id: 'enum-added', title: 'Enum added', request: B, response: N },
  { id: 'enum-removed', title: 'Enum removed', request: N, response: B },
  { id: 'enum-narrowed', title: 'Enum narrowed', request: B, response: N },
  { id: 'enum-widened', title: 'Enum widened', request: N, response: B },
  { id: 'extensible-enum-values-removed', title: 'Extensible enum narrowed', request: B, response: N },
  { id: 'extensible-enum-values-added', title: 'Extensible enum widened', request: N, response: N },
  { id: 'nullable-added', title: 'Nullability changed', request: N, response: B },
  { id: 'nullable-removed', title: 'Nullability changed', request: B, response: N },
  { id: 'constraint-tightened', title: 'Constraint tightened', request: B, response: N },
  { id: 'constraint-loosened', title: 'Constraint loosened', request: N, response: B },
  both('constraint-changed', 'Constraint changed', B),
  { id: 'pattern-added', title: 'Pattern added', request: B, response: N },
  { id: 'pattern-removed', title: 'Pattern removed', request: N, response: B },
  { id: 'pattern-changed', title: 'Pattern changed', request: B, response: B },
  { id: 'format-added', title: 'Format added', request: B, response: N },
  { id: 'format-removed', title: 'Format removed', request: N, response: B },
  { id: 'format-widened', title: 'Format widened', request: N, response: B },
  { id: 'format-narrowed', title: 'Format narrowed', request: B, response: N },
  { id: 'format-changed', title: 'Format changed', request: B, response: B },
  { id: 'default-added', title: 'Default value added', request: N, response: N },
  { id: 'default-removed', title: 'Default value removed', request: B, response: N },
  { id: 'default-changed', title: 'Default value changed', request: B, response: N },
  { id: 'composition-member-added', title: '{0} alternative added', request: N, response: B },
  { id: 'composition-member-removed', title: '{0} alternative removed', request: B, response: N },
  both('composition-changed', 'Schema {0} changed', U),
  both('one-of-ambiguous', 'Values match several oneOf alternatives', B),
  both('field-deprecated', 'Field deprecated', N),
  both('field-undeprecated', 'Field no longer deprecated', N),
  both('schema-documentation-changed', 'Schema {0} changed', N),
  both('schema-keyword-changed', 'Schema {0} changed', U),
  both('ref-siblings-changed', 'Keys next to a $ref changed', U),
  both('equivalent-form-changed', 'Written differently, means the same', N),
];

export const rules: ReadonlyMap<string, Rule> = new Map(ruleList.map((rule) => [rule.id, rule]));
