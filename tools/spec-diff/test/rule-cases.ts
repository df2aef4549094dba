// One small fixture pair per rule of src/compare/rules.ts, in the style of oasdiff's checker tests:
// each case is a rule id, the document before and after, and the findings expected (rule id and
// level), in the direction the case exercises. test/rule-cases.test.ts runs them.
import type { Severity } from '../src/findings.js';

type Direction = 'request' | 'response';
type Schema = Record<string, unknown>;

export interface RuleCase {
  /** The rule this case pins. */
  id: string;
  /** Where the change is: in what clients send, or in what they receive. */
  direction: Direction;
  /** The level the rule must give here. */
  level: Severity;
  before: any;
  after: any;
  /** Other findings the same edit must give, as `rule level`. */
  also?: string[];
}

/**
 * POST /things: a query parameter `limit`, a required JSON request body, a JSON response 200 with
 * a header, security by an API key. `body` sets the request and response body schemas.
 */
function api(body: { request?: Schema; response?: Schema } = {}): any {
  const thing = () => ({ type: 'object', properties: { name: { type: 'string' } } });
  return {
    openapi: '3.0.3',
    info: { title: 'Things', version: '1.0.0', description: 'Things.' },
    servers: [{ url: 'https://api.example.invalid' }],
    security: [{ key: [] }],
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          requestBody: { required: true, content: { 'application/json': { schema: body.request ?? thing() } } },
          responses: {
            '200': {
              description: 'The thing',
              headers: { 'X-Rate': { schema: { type: 'integer' } } },
              content: { 'application/json': { schema: body.response ?? thing() } },
            },
          },
        },
      },
    },
    components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'app_key' } } },
  };
}

const operation = (document: any) => document.paths['/things'].post;
const limit = (document: any) => operation(document).parameters[0];
const response = (document: any) => operation(document).responses['200'];
const media = (document: any, direction: Direction) =>
  direction === 'request' ? operation(document).requestBody.content['application/json'] : response(document).content['application/json'];

/** The base document before; after, the same with `edit` applied (both after `setup`). */
function edited(edit: (document: any) => void, setup: (document: any) => void = () => {}): { before: any; after: any } {
  const before = api();
  const after = api();
  setup(before);
  setup(after);
  edit(after);
  return { before, after };
}

/** The same pair the other way round: what one edit removes, the swapped pair adds. */
function swapped(pair: { before: any; after: any }): { before: any; after: any } {
  return { before: pair.after, after: pair.before };
}

/** The body schema in the direction's place: `before` on one side, `after` on the other. */
function bodies(direction: Direction, before: Schema, after: Schema): { before: any; after: any } {
  return { before: api({ [direction]: before }), after: api({ [direction]: after }) };
}

/** An object body with one property `field` (required when `required` says so). */
const withField = (field: Schema | undefined, required = false): Schema => ({
  type: 'object',
  ...(required ? { required: ['field'] } : {}),
  properties: { name: { type: 'string' }, ...(field === undefined ? {} : { field }) },
});

/** Cases for a schema rule: the field `field` of the body, before and after, in one direction. */
function fieldCase(id: string, direction: Direction, level: Severity, before: Schema, after: Schema, also?: string[]): RuleCase {
  return { id, direction, level, ...bodies(direction, withField(before), withField(after)), ...(also === undefined ? {} : { also }) };
}

const B: Severity = 'breaking';
const N: Severity = 'non-breaking';
const U: Severity = 'unclassified';

const str = { type: 'string' };
const circle = { type: 'object', required: ['radius'], properties: { radius: { type: 'number' } } };
const square = { type: 'object', required: ['side'], properties: { side: { type: 'number' } } };
const twoRequired = { type: 'object', required: ['foo', 'bar'], properties: { foo: str, bar: str } };
const oneOfHalves = {
  oneOf: [
    { type: 'object', required: ['foo'], properties: { foo: str, bar: str } },
    { type: 'object', required: ['bar'], properties: { foo: str, bar: str } },
  ],
};

export const ruleCases: RuleCase[] = [
  // ---- document and paths
  { id: 'documentation-changed', direction: 'request', level: N, ...edited((d) => (d.info.description = 'Things, now.')) },
  { id: 'servers-changed', direction: 'request', level: U, ...edited((d) => (d.servers[0].url = 'https://v2.example.invalid')) },
  { id: 'openapi-version-changed', direction: 'request', level: U, ...edited((d) => (d.openapi = '3.0.2')) },
  { id: 'document-field-changed', direction: 'response', level: U, ...edited((d) => (d['x-audience'] = 'partners')) },
  {
    id: 'unused-component-changed',
    direction: 'request',
    level: N,
    ...edited((d) => (d.components.schemas = { Unused: { type: 'string' } })),
  },
  // A key of `components` that is no section of components: nothing walks it.
  { id: 'unclassified-change', direction: 'request', level: U, ...edited((d) => (d.components['x-registry'] = 'v2')) },
  {
    id: 'path-item-field-changed',
    direction: 'request',
    level: U,
    ...edited((d) => (d.paths['/things'].servers = [{ url: 'https://things.example.invalid' }])),
  },
  { id: 'path-added', direction: 'request', level: N, ...edited((d) => (d.paths['/other'] = { get: { responses: {} } })) },
  {
    id: 'path-removed',
    direction: 'request',
    level: B,
    ...edited(
      (d) => delete d.paths['/other'],
      (d) => (d.paths['/other'] = { get: { responses: {} } })
    ),
  },
  { id: 'operation-added', direction: 'request', level: N, ...edited((d) => (d.paths['/things'].get = { responses: {} })) },
  {
    id: 'operation-removed',
    direction: 'request',
    level: B,
    ...edited(
      (d) => delete d.paths['/things'].get,
      (d) => (d.paths['/things'].get = { responses: {} })
    ),
  },
  { id: 'operation-id-changed', direction: 'request', level: U, ...edited((d) => (operation(d).operationId = 'makeThing')) },
  { id: 'operation-deprecated', direction: 'request', level: N, ...edited((d) => (operation(d).deprecated = true)) },
  {
    id: 'operation-undeprecated',
    direction: 'request',
    level: N,
    ...edited(
      (d) => delete operation(d).deprecated,
      (d) => (operation(d).deprecated = true)
    ),
  },
  { id: 'operation-field-changed', direction: 'request', level: U, ...edited((d) => (operation(d)['x-rate-limit'] = 10)) },
  // ---- parameters
  { id: 'parameter-removed', direction: 'request', level: B, ...edited((d) => operation(d).parameters.pop()) },
  {
    id: 'parameter-added-required',
    direction: 'request',
    level: B,
    ...edited((d) => operation(d).parameters.push({ name: 'since', in: 'query', required: true, schema: str })),
  },
  {
    id: 'parameter-added-optional',
    direction: 'request',
    level: N,
    ...edited((d) => operation(d).parameters.push({ name: 'since', in: 'query', schema: str })),
  },
  {
    id: 'parameter-renamed',
    direction: 'request',
    level: N,
    ...edited(
      (d) => {
        d.paths['/things/{thingId}'] = d.paths['/things/{id}'];
        delete d.paths['/things/{id}'];
        d.paths['/things/{thingId}'].get.parameters[0].name = 'thingId';
      },
      (d) => (d.paths['/things/{id}'] = { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: {} } })
    ),
  },
  { id: 'parameter-became-required', direction: 'request', level: B, ...edited((d) => (limit(d).required = true)) },
  {
    id: 'parameter-became-optional',
    direction: 'request',
    level: N,
    ...edited(
      (d) => delete limit(d).required,
      (d) => (limit(d).required = true)
    ),
  },
  { id: 'parameter-deprecated', direction: 'request', level: N, ...edited((d) => (limit(d).deprecated = true)) },
  {
    id: 'parameter-undeprecated',
    direction: 'request',
    level: N,
    ...edited(
      (d) => delete limit(d).deprecated,
      (d) => (limit(d).deprecated = true)
    ),
  },
  { id: 'parameter-serialization-changed', direction: 'request', level: B, ...edited((d) => (limit(d).style = 'spaceDelimited')) },
  { id: 'parameter-field-changed', direction: 'request', level: U, ...edited((d) => (limit(d)['x-range'] = 'small')) },
  // ---- request bodies
  { id: 'request-body-added-required', direction: 'request', level: B, ...swapped(edited((d) => delete operation(d).requestBody)) },
  {
    id: 'request-body-added-optional',
    direction: 'request',
    level: N,
    ...swapped(
      edited(
        (d) => delete operation(d).requestBody,
        (d) => (operation(d).requestBody.required = false)
      )
    ),
  },
  { id: 'request-body-removed', direction: 'request', level: B, ...edited((d) => delete operation(d).requestBody) },
  {
    id: 'request-body-became-required',
    direction: 'request',
    level: B,
    ...edited(
      (d) => (operation(d).requestBody.required = true),
      (d) => (operation(d).requestBody.required = false)
    ),
  },
  { id: 'request-body-became-optional', direction: 'request', level: N, ...edited((d) => (operation(d).requestBody.required = false)) },
  { id: 'request-body-field-changed', direction: 'request', level: U, ...edited((d) => (operation(d).requestBody['x-max-size'] = 10)) },
  // ---- responses and their headers
  {
    id: 'response-status-added',
    direction: 'response',
    level: N,
    ...edited((d) => (operation(d).responses['404'] = { description: 'Not found' })),
  },
  {
    id: 'response-status-removed',
    direction: 'response',
    level: B,
    ...edited(
      (d) => delete operation(d).responses['404'],
      (d) => (operation(d).responses['404'] = { description: 'Not found' })
    ),
  },
  { id: 'response-field-changed', direction: 'response', level: U, ...edited((d) => (response(d)['x-cache'] = 'private')) },
  {
    id: 'response-header-added',
    direction: 'response',
    level: N,
    ...edited((d) => (response(d).headers['X-Trace'] = { schema: str })),
  },
  { id: 'response-header-removed', direction: 'response', level: B, ...edited((d) => delete response(d).headers['X-Rate']) },
  {
    id: 'response-header-became-required',
    direction: 'response',
    level: N,
    ...edited((d) => (response(d).headers['X-Rate'].required = true)),
  },
  {
    id: 'response-header-became-optional',
    direction: 'response',
    level: B,
    ...edited(
      (d) => delete response(d).headers['X-Rate'].required,
      (d) => (response(d).headers['X-Rate'].required = true)
    ),
  },
  {
    id: 'response-header-field-changed',
    direction: 'response',
    level: U,
    ...edited((d) => (response(d).headers['X-Rate']['x-unit'] = 'per-minute')),
  },
  // ---- media types and examples
  ...(['request', 'response'] as const).flatMap((direction): RuleCase[] => {
    const content = (d: any) => (direction === 'request' ? operation(d).requestBody.content : response(d).content);
    const xml = (d: any) => (content(d)['application/xml'] = { schema: str });
    return [
      { id: 'media-type-added', direction, level: N, ...edited(xml) },
      { id: 'media-type-removed', direction, level: B, ...edited((d) => delete content(d)['application/xml'], xml) },
      { id: 'media-type-field-changed', direction, level: U, ...edited((d) => (media(d, direction)['x-codec'] = 'gzip')) },
    ];
  }),
  {
    id: 'example-added',
    direction: 'response',
    level: N,
    ...edited((d) => (media(d, 'response').examples = { One: { value: { name: 'a' } } })),
  },
  {
    id: 'example-removed',
    direction: 'response',
    level: N,
    ...edited(
      (d) => delete media(d, 'response').examples.One,
      (d) => (media(d, 'response').examples = { One: { value: { name: 'a' } } })
    ),
  },
  {
    id: 'example-changed',
    direction: 'response',
    level: N,
    ...edited(
      (d) => (media(d, 'response').examples.One.value = { name: 'b' }),
      (d) => (media(d, 'response').examples = { One: { value: { name: 'a' } } })
    ),
  },
  // ---- security
  {
    id: 'security-tightened',
    direction: 'request',
    level: B,
    ...edited(
      (d) => (d.security = [{ key: [], token: [] }]),
      (d) => (d.components.securitySchemes.token = { type: 'http', scheme: 'bearer' })
    ),
  },
  {
    id: 'security-relaxed',
    direction: 'request',
    level: N,
    ...edited(
      (d) => (d.security = [{ key: [] }]),
      (d) => {
        d.components.securitySchemes.token = { type: 'http', scheme: 'bearer' };
        d.security = [{ key: [], token: [] }];
      }
    ),
  },
  {
    id: 'security-scheme-changed',
    direction: 'request',
    level: B,
    ...edited((d) => (d.components.securitySchemes.key.name = 'api_key')),
  },
  {
    id: 'security-scheme-field-changed',
    direction: 'request',
    level: U,
    ...edited((d) => (d.components.securitySchemes.key['x-rotation'] = 'daily')),
  },
  // ---- schemas, in both directions where the level depends on it
  { id: 'property-removed', direction: 'request', level: N, ...bodies('request', withField(str), withField(undefined)) },
  { id: 'property-removed', direction: 'response', level: B, ...bodies('response', withField(str), withField(undefined)) },
  {
    id: 'property-removed-closed',
    direction: 'request',
    level: B,
    ...bodies('request', { ...withField(str), additionalProperties: false }, { ...withField(undefined), additionalProperties: false }),
  },
  ...(['request', 'response'] as const).flatMap((direction): RuleCase[] => {
    const request = direction === 'request';
    return [
      { id: 'property-added-required', direction, level: request ? B : N, ...bodies(direction, withField(undefined), withField(str, true)) },
      { id: 'property-added-optional', direction, level: N, ...bodies(direction, withField(undefined), withField(str)) },
      { id: 'property-became-required', direction, level: request ? B : N, ...bodies(direction, withField(str), withField(str, true)) },
      { id: 'property-became-optional', direction, level: request ? N : B, ...bodies(direction, withField(str, true), withField(str)) },
      fieldCase('property-became-read-only', direction, request ? B : N, str, { ...str, readOnly: true }),
      fieldCase('property-no-longer-read-only', direction, N, { ...str, readOnly: true }, str),
      fieldCase('property-became-write-only', direction, request ? N : B, str, { ...str, writeOnly: true }),
      fieldCase('property-no-longer-write-only', direction, N, { ...str, writeOnly: true }, str),
      fieldCase('type-changed', direction, B, str, { type: 'boolean' }),
      fieldCase('type-widened', direction, request ? N : B, { type: 'integer' }, { type: 'number' }),
      fieldCase('type-narrowed', direction, request ? B : N, { type: 'number' }, { type: 'integer' }),
      fieldCase('enum-added', direction, request ? B : N, str, { ...str, enum: ['a', 'b'] }),
      fieldCase('enum-removed', direction, request ? N : B, { ...str, enum: ['a', 'b'] }, str),
      fieldCase('enum-narrowed', direction, request ? B : N, { ...str, enum: ['a', 'b'] }, { ...str, enum: ['a'] }),
      fieldCase('enum-widened', direction, request ? N : B, { ...str, enum: ['a'] }, { ...str, enum: ['a', 'b'] }),
      fieldCase(
        'extensible-enum-values-removed',
        direction,
        request ? B : N,
        { ...str, 'x-extensible-enum': ['a', 'b'] },
        { ...str, 'x-extensible-enum': ['a'] }
      ),
      fieldCase('extensible-enum-values-added', direction, N, { ...str, 'x-extensible-enum': ['a'] }, { ...str, 'x-extensible-enum': ['a', 'b'] }),
      fieldCase('nullable-added', direction, request ? N : B, str, { ...str, nullable: true }),
      fieldCase('nullable-removed', direction, request ? B : N, { ...str, nullable: true }, str),
      fieldCase('constraint-tightened', direction, request ? B : N, { ...str, maxLength: 10 }, { ...str, maxLength: 5 }),
      fieldCase('constraint-loosened', direction, request ? N : B, { ...str, maxLength: 5 }, { ...str, maxLength: 10 }),
      fieldCase('constraint-changed', direction, B, { type: 'number', multipleOf: 2 }, { type: 'number', multipleOf: 3 }),
      fieldCase('pattern-added', direction, request ? B : N, str, { ...str, pattern: '^a' }),
      fieldCase('pattern-removed', direction, request ? N : B, { ...str, pattern: '^a' }, str),
      fieldCase('pattern-changed', direction, B, { ...str, pattern: '^a' }, { ...str, pattern: '^b' }),
      fieldCase('format-added', direction, request ? B : N, str, { ...str, format: 'email' }),
      fieldCase('format-removed', direction, request ? N : B, { ...str, format: 'email' }, str),
      fieldCase('format-widened', direction, request ? N : B, { type: 'integer', format: 'int32' }, { type: 'integer', format: 'int64' }),
      fieldCase('format-narrowed', direction, request ? B : N, { type: 'integer', format: 'int64' }, { type: 'integer', format: 'int32' }),
      fieldCase('format-changed', direction, B, { ...str, format: 'date' }, { ...str, format: 'date-time' }),
      fieldCase('default-added', direction, N, str, { ...str, default: 'a' }),
      fieldCase('default-removed', direction, request ? B : N, { ...str, default: 'a' }, str),
      fieldCase('default-changed', direction, request ? B : N, { ...str, default: 'a' }, { ...str, default: 'b' }),
      fieldCase('composition-member-added', direction, request ? N : B, { oneOf: [circle] }, { oneOf: [circle, square] }),
      fieldCase('composition-member-removed', direction, request ? B : N, { oneOf: [circle, square] }, { oneOf: [circle] }),
      fieldCase('composition-changed', direction, U, { oneOf: [circle, square] }, { anyOf: [circle, square] }, [
        'composition-changed unclassified',
      ]),
      fieldCase('field-deprecated', direction, N, str, { ...str, deprecated: true }),
      fieldCase('field-undeprecated', direction, N, { ...str, deprecated: true }, str),
      fieldCase('schema-documentation-changed', direction, N, str, { ...str, description: 'A field.' }),
      fieldCase('schema-keyword-changed', direction, U, str, { ...str, 'x-label': 'Field' }),
      {
        id: 'ref-siblings-changed',
        direction,
        level: U,
        ...edited(
          (d) => (media(d, direction).schema = { $ref: '#/components/schemas/Thing', description: 'now' }),
          (d) => {
            d.components.schemas = { Thing: media(d, direction).schema };
            media(d, direction).schema = { $ref: '#/components/schemas/Thing' };
          }
        ),
      },
      fieldCase('equivalent-form-changed', direction, N, { ...str, enum: ['a', 'b'] }, { ...str, enum: ['b', 'a'] }),
      fieldCase('property-not-exchanged-changed', direction, N, ...notExchanged(direction)),
    ];
  }),
  // ---- the four cases issue 19 found wrong or unreported
  // Text-serialised values (query parameters, deepObject members, headers): every text is a string.
  { id: 'type-widened', direction: 'request', level: N, ...edited((d) => (limit(d).schema.type = 'string')) },
  {
    id: 'type-narrowed',
    direction: 'request',
    level: B,
    ...edited(
      (d) => (limit(d).schema.type = 'number'),
      (d) => (limit(d).schema.type = 'string')
    ),
  },
  {
    id: 'type-widened',
    direction: 'request',
    level: N,
    ...edited(
      (d) => (operation(d).parameters[1].schema.properties.group.type = 'string'),
      (d) =>
        operation(d).parameters.push({
          name: 'filter',
          in: 'query',
          style: 'deepObject',
          schema: { type: 'object', properties: { group: { type: 'number' } } },
        })
    ),
  },
  { id: 'type-widened', direction: 'response', level: B, ...edited((d) => (response(d).headers['X-Rate'].schema.type = 'string')) },
  // A path item with no operations: its parameters are still compared.
  {
    id: 'parameter-removed',
    direction: 'request',
    level: B,
    ...edited(
      (d) => (d.paths['/later/{id}'].parameters = []),
      (d) => (d.paths['/later/{id}'] = { parameters: [{ name: 'id', in: 'path', required: true, schema: str }] })
    ),
  },
  // A name made required that no property defines: bodies must carry the key.
  ...(['request', 'response'] as const).flatMap((direction): RuleCase[] => {
    const request = direction === 'request';
    const requiring = (names: string[]) => ({ type: 'object', required: names, properties: { name: str } });
    return [
      { id: 'property-became-required', direction, level: request ? B : N, ...bodies(direction, requiring(['name']), requiring(['name', 'id'])) },
      { id: 'property-became-optional', direction, level: request ? N : B, ...bodies(direction, requiring(['name', 'id']), requiring(['name'])) },
    ];
  }),
  // A response wrapped in a oneOf: each alternative may leave out a field clients always had.
  {
    id: 'property-became-optional',
    direction: 'response',
    level: B,
    ...bodies('response', twoRequired, oneOfHalves),
    also: ['property-became-optional breaking'],
  },
  // Alternatives weighed and dropped leave nothing behind: alternative #1 (dropped: it requires `x`)
  // compares `Addr` with itself, and `home` must still get that comparison's finding.
  {
    id: 'enum-narrowed',
    direction: 'request',
    level: B,
    ...(() => {
      const addr = { $ref: '#/components/schemas/Addr' };
      const document = (shape: Schema, values: string[]) => {
        const d = api({ request: { type: 'object', properties: { shape, home: addr } } });
        d.components.schemas = { Addr: { type: 'string', enum: values } };
        return d;
      };
      const dropped = { type: 'object', required: ['x'], properties: { addr, x: str } };
      return {
        before: document({ type: 'object', properties: { addr } }, ['a', 'b']),
        after: document({ oneOf: [dropped, { type: 'object', properties: {} }] }, ['a']),
      };
    })(),
    also: ['property-removed non-breaking'],
  },
  // A body wrapped in a oneOf whose alternatives each require part of the old required set: every
  // old body matches both alternatives, and a oneOf accepts a value only when exactly one matches.
  { id: 'one-of-ambiguous', direction: 'request', level: B, ...bodies('request', twoRequired, oneOfHalves) },
  { id: 'one-of-ambiguous', direction: 'response', level: B, ...bodies('response', oneOfHalves, twoRequired) },
];

/** A field clients do not exchange in this direction (read-only sent, write-only received), its bound loosened. */
function notExchanged(direction: Direction): [Schema, Schema] {
  const flag = direction === 'request' ? { readOnly: true } : { writeOnly: true };
  return [
    { ...str, ...flag, maxLength: 5 },
    { ...str, ...flag, maxLength: 10 },
  ];
}
