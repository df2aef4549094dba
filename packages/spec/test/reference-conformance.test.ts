// Guards the spec like the lint does: every fact of the platform reference, transcribed as data
// in facts/platform-api.yaml (the table the Spectral rules read too), must hold in the bundled
// spec with every $ref dereferenced, and the spec must state no operation, parameter, field or
// error code that the table lacks.
import { beforeAll, describe, expect, test } from 'vitest';
import { dereference, HTTP_METHODS, loadSpec } from '@iodm-northbound/spec';
import { platformFacts as table, type FieldFact as FieldRow } from '@iodm-northbound/spec/platform-facts';

type Json = Record<string, any>;

/** "<METHOD> <path>" of an SDK method, split. */
function callOf(operationId: string): { method: string; path: string } {
  const [method, path] = table.sdkMethods[operationId]!.split(' ') as [string, string];
  return { method: method.toLowerCase(), path };
}

// Every keyword that restricts the values a schema allows (OpenAPI 3.0 / JSON Schema), plus
// `default`: the table must list each one the spec states (see the table's header).
const RESTRICTIONS = [
  'enum', 'pattern', 'format',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength',
  'minItems', 'maxItems', 'uniqueItems',
  'minProperties', 'maxProperties', 'required', 'additionalProperties',
  'not', 'oneOf', 'anyOf',
];
// `nullable` too: whether a field takes null (the SDK sends unset fields as null) is a fact of the table.
const MUST_BE_LISTED = [...RESTRICTIONS, 'default', 'nullable'];
const COMPARED = ['type', ...MUST_BE_LISTED];
// What a body schema itself (not one of its fields) may restrict; `required` has its own test.
const BODY_RESTRICTIONS = RESTRICTIONS.filter((key) => key !== 'required');

let spec: Json;

beforeAll(() => {
  // The bundle holds every file of openapi/ (bundle.test.ts checks it is self-contained).
  spec = dereference(loadSpec()) as Json;
  expect(JSON.stringify(spec), 'the spec must dereference completely').not.toContain('"$ref"');
});

/**
 * A schema with its allOf members folded in (PlatformTimestamp reaches *Time fields this way).
 * `additionalProperties: true` is dropped: it allows any key, exactly like leaving it out.
 */
function flatten(schema: Json | undefined): Json {
  if (schema === undefined) return {};
  const { allOf, ...own } = schema;
  const members = Array.isArray(allOf) ? allOf.map((member: Json) => flatten(member)) : [];
  const flat: Json = Object.assign({}, ...members, own);
  if (flat.additionalProperties === true) delete flat.additionalProperties;
  return flat;
}

/** Mismatches of the listed keys between what a table row states and what the spec states. */
function compareKeys(keys: string[], expectedOf: Json, actual: Json): string[] {
  const mismatches: string[] = [];
  for (const key of keys) {
    const expected = expectedOf[key];
    if (JSON.stringify(actual[key]) !== JSON.stringify(expected)) {
      mismatches.push(
        expected === undefined
          ? `${key}: the spec states ${JSON.stringify(actual[key])}, the reference documents none`
          : `${key}: the spec states ${JSON.stringify(actual[key])}, the reference says ${JSON.stringify(expected)}`,
      );
    }
  }
  return mismatches;
}

/** A row whose source says "inferred" needs a spec description that says so too. */
function inferredUnsaid(row: { source: string }, description: unknown): string[] {
  if (!/inferred/i.test(row.source) || /inferred/i.test(String(description ?? ''))) return [];
  return [`the reference marks this inferred (${row.source}), the spec's description does not say "inferred"`];
}

/** Mismatches between one table row and the spec schema it describes. */
function compareField(row: FieldRow, schema: Json | undefined): string[] {
  if (schema === undefined) return ['missing from the spec'];
  const keys = COMPARED.filter((key) => row[key] !== undefined || MUST_BE_LISTED.includes(key));
  return compareKeys(keys, row, flatten(schema));
}

function operationOf(operationId: string): Json | undefined {
  const { method, path } = callOf(operationId);
  return spec.paths?.[path]?.[method];
}

/** Parameters of an operation, path-level ones included, by "<in> <name>". */
function parametersOf(operationId: string): Map<string, Json> {
  const all = [...(spec.paths?.[callOf(operationId).path]?.parameters ?? []), ...(operationOf(operationId)?.parameters ?? [])];
  return new Map(all.map((parameter: Json) => [`${parameter.in} ${parameter.name}`, parameter]));
}

function errorResponsesOf(operationId: string): [string, Json][] {
  return Object.entries(operationOf(operationId)?.responses ?? {}).filter(([status]) => /^[45]/.test(status)) as [string, Json][];
}

/** Each named error example of an operation as "<status> <error_code>" -> its error_desc. */
function errorExamplesOf(operationId: string): Map<string, unknown> {
  const examples = new Map<string, unknown>();
  for (const [status, response] of errorResponsesOf(operationId)) {
    for (const example of Object.values(response.content?.['application/json']?.examples ?? {}) as Json[]) {
      examples.set(`${status} ${example.value?.error_code}`, example.value?.error_desc);
    }
  }
  return examples;
}

const operationIds = Object.keys(table.operations);

describe('operations', () => {
  test('the spec has exactly the operations of the reference', () => {
    const actual = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => (item as Json)[method] !== undefined).map(
        (method) => `${(item as Json)[method].operationId} = ${method.toUpperCase()} ${path}`,
      ),
    );
    const expected = Object.keys(table.operations).map((operationId) => `${operationId} = ${table.sdkMethods[operationId]}`);
    expect(actual.sort()).toEqual(expected.sort());
  });

  test.each(operationIds)('%s: security', (operationId) => {
    const operation = operationOf(operationId);
    const security = (operation?.security ?? spec.security ?? []) as Json[];
    const actual = security.map((requirement) => Object.keys(requirement).sort());
    const { path } = callOf(operationId);
    const group = table.security.find(({ pathPrefix }) => path.startsWith(pathPrefix));
    expect(group, `${operationId}: the table has no security group for ${path}`).toBeDefined();
    const expected = group!.security.map((requirement) => Object.keys(requirement).sort());
    expect(actual, `${operationId}: security requirements (each inner list is ANDed)`).toEqual(expected);
  });

  test.each(operationIds)('%s: request body content type', (operationId) => {
    const row = table.operations[operationId]!;
    const body = operationOf(operationId)?.requestBody;
    if (row.requestBody === null) {
      expect(body, `${operationId} takes no request body`).toBeUndefined();
      return;
    }
    expect(Object.keys(body?.content ?? {}), `${operationId}: request content types`).toEqual([row.requestBody.contentType]);
    expect(body?.required, `${operationId}: the request body is mandatory`).toBe(true);
  });

  test.each(operationIds)('%s: every response is application/json', (operationId) => {
    const responses = Object.entries(operationOf(operationId)?.responses ?? {}) as [string, Json][];
    const contentTypes = responses.map(([status, response]) => `${status}: ${Object.keys(response.content ?? {}).join(', ')}`);
    const success = table.operations[operationId]!.response;
    expect(contentTypes, `${operationId}: response content types`).toEqual(
      responses.map(([status]) => `${status}: ${/^2/.test(status) ? (success?.contentType ?? '') : 'application/json'}`),
    );
  });
});

describe('parameters', () => {
  const rows = operationIds.flatMap((operationId) =>
    table.operations[operationId]!.parameters.map((row) => ({ operationId, label: `${row.in} ${row.name}`, row })),
  );

  test.each(rows)('$operationId: parameter $label', ({ operationId, label, row }) => {
    const parameter = parametersOf(operationId).get(label);
    // The row's `required` is the parameter's; everything else describes the parameter's schema.
    const { name: _name, in: _in, required: _required, ...schemaRow } = row;
    const mismatches = parameter === undefined ? ['missing from the spec'] : compareField(schemaRow as FieldRow, parameter.schema);
    if (parameter !== undefined && (parameter.required ?? false) !== row.required) {
      mismatches.push(`required: the spec states ${String(parameter.required ?? false)}, the reference says ${String(row.required)}`);
    }
    if (parameter !== undefined) mismatches.push(...inferredUnsaid(row, parameter.description));
    expect(mismatches, `${operationId}: parameter ${label} (${row.source})`).toEqual([]);
  });

  test.each(operationIds)('%s: no parameter the reference lacks', (operationId) => {
    const documented = table.operations[operationId]!.parameters.map((row) => `${row.in} ${row.name}`);
    const extra = [...parametersOf(operationId).keys()].filter((key) => !documented.includes(key));
    expect(extra, `${operationId}: parameters not in the reference`).toEqual([]);
  });
});

// Every place a documented schema appears in the spec: operation bodies and their nested items.
function bodySchemas(): { where: string; name: string; schema: Json | undefined }[] {
  const found: { where: string; name: string; schema: Json | undefined }[] = [];
  const visit = (where: string, name: string, schema: Json | undefined) => {
    found.push({ where, name, schema });
    for (const [field, row] of Object.entries(table.schemas[name]!.properties)) {
      if (row.items !== undefined) visit(`${where}.${field}[]`, row.items, schema?.properties?.[field]?.items);
      if (row.schema !== undefined) visit(`${where}.${field}`, row.schema, schema?.properties?.[field]);
    }
  };
  for (const operationId of operationIds) {
    const row = table.operations[operationId]!;
    const operation = operationOf(operationId);
    // A body-less success (row.response null) is checked by the content-type test.
    if (row.response !== null) {
      visit(`${operationId} 200 body`, row.response.schema, operation?.responses?.['200']?.content?.[row.response.contentType]?.schema);
    }
    if (row.requestBody !== null) {
      visit(`${operationId} request body`, row.requestBody.schema, operation?.requestBody?.content?.[row.requestBody.contentType]?.schema);
    }
    for (const [status, response] of errorResponsesOf(operationId)) {
      visit(`${operationId} ${status} body`, 'ErrorResponse', response.content?.['application/json']?.schema);
    }
  }
  return found;
}

describe('body fields', () => {
  // Resolved lazily: the spec is only there once beforeAll has run.
  const fieldCases = () =>
    bodySchemas().flatMap(({ where, name, schema }) =>
      Object.entries(table.schemas[name]!.properties).map(([field, row]) => ({ where, name, field, row, schema })),
    );

  test('every documented field of every body matches the reference', () => {
    const mismatches = fieldCases().flatMap(({ where, name, field, row, schema }) =>
      compareField(row, schema?.properties?.[field]).map((problem) => `${where} (${name}).${field}: ${problem} [${row.source}]`),
    );
    expect(mismatches).toEqual([]);
  });

  test('no body schema states a restriction the reference lacks', () => {
    const mismatches = bodySchemas().flatMap(({ where, name, schema }) =>
      compareKeys(BODY_RESTRICTIONS, table.schemas[name]!, flatten(schema)).map((problem) => `${where} (${name}): ${problem}`),
    );
    expect(mismatches).toEqual([]);
  });

  test('every field the reference marks inferred says "inferred" in the spec', () => {
    const mismatches = fieldCases().flatMap(({ where, name, field, row, schema }) =>
      inferredUnsaid(row, flatten(schema?.properties?.[field]).description).map((problem) => `${where} (${name}).${field}: ${problem}`),
    );
    expect(mismatches).toEqual([]);
  });

  test('every body has exactly the documented fields', () => {
    const mismatches = bodySchemas().flatMap(({ where, name, schema }) => {
      const actual = Object.keys(schema?.properties ?? {}).sort();
      const expected = Object.keys(table.schemas[name]!.properties).sort();
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`${where} (${name}): fields ${actual.join(', ')}; reference: ${expected.join(', ')}`];
    });
    expect(mismatches).toEqual([]);
  });

  // Request and response bodies alike: a required field the reference lacks makes clients or the
  // mock reject a body the platform sends; one it lists but the spec leaves optional loses a guarantee.
  test('every body requires exactly the fields the reference lists', () => {
    const mismatches = bodySchemas().flatMap(({ where, name, schema }) => {
      const row = table.schemas[name]!.required;
      const expected = [...(row?.fields ?? [])].sort();
      const actual = [...(schema?.required ?? [])].sort();
      if (JSON.stringify(actual) === JSON.stringify(expected)) return [];
      const extra = actual.filter((field) => !expected.includes(field));
      const missing = expected.filter((field) => !actual.includes(field));
      return [
        `${where} (${name}): required [${actual.join(', ')}]; reference: [${expected.join(', ')}]` +
          (extra.length > 0 ? `; required in the spec but not by the reference: ${extra.join(', ')}` : '') +
          (missing.length > 0 ? `; required by the reference but optional in the spec: ${missing.join(', ')}` : '') +
          (row === undefined ? ' [the reference documents no mandatory field]' : ` [${row.source}]`),
      ];
    });
    expect(mismatches).toEqual([]);
  });

  test('an inferred required list says "inferred" in the spec', () => {
    const mismatches = Object.entries(table.schemas).flatMap(([name, row]) => {
      if (row.required === undefined) return [];
      const problems: string[] = [];
      if (row.required.inferred === true && !/inferred/i.test(row.required.source)) {
        problems.push(`${name}: the table marks required inferred, its source does not say "inferred"`);
      }
      if (/inferred/i.test(row.required.source) && row.required.inferred !== true) {
        problems.push(`${name}: the source of required says "inferred", the row lacks inferred: true`);
      }
      if (row.required.inferred === true && !/inferred/i.test(String(spec.components?.schemas?.[name]?.description ?? ''))) {
        problems.push(`${name}: its required list is inferred (${row.required.source}), the spec's description does not say "inferred"`);
      }
      return problems;
    });
    expect(mismatches).toEqual([]);
  });

  test.each(Object.keys(table.schemas))('components.schemas.%s matches the reference', (name) => {
    const schema = spec.components?.schemas?.[name];
    const mismatches = Object.entries(table.schemas[name]!.properties).flatMap(([field, row]) =>
      compareField(row, schema?.properties?.[field]).map((problem) => `${name}.${field}: ${problem} [${row.source}]`),
    );
    expect(mismatches).toEqual([]);
  });
});

describe('errors', () => {
  const rows = operationIds.flatMap((operationId) =>
    table.operations[operationId]!.errors.map((row) => ({ operationId, ...row })),
  );

  test.each(rows)('$operationId: $status $code has a named example', ({ operationId, status, code, desc, source }) => {
    const examples = errorExamplesOf(operationId);
    const key = `${status} ${code}`;
    expect(examples.has(key), `${operationId}: no named example for HTTP ${status} error_code ${code} (${source})`).toBe(true);
    if (desc !== undefined) {
      expect(examples.get(key), `${operationId}: error_desc of ${status} ${code} (${source})`).toBe(desc);
    }
  });

  test.each(operationIds)('%s: no error code the reference lacks', (operationId) => {
    const documented = table.operations[operationId]!.errors.map((row) => `${row.status} ${row.code}`);
    const extra = [...errorExamplesOf(operationId).keys()].filter((key) => !documented.includes(key));
    expect(extra, `${operationId}: errors (status, error_code) not in the reference`).toEqual([]);
  });

  test.each(operationIds)('%s: no error status the reference lacks', (operationId) => {
    const documented = new Set(table.operations[operationId]!.errors.map((row) => String(row.status)));
    const extra = errorResponsesOf(operationId).map(([status]) => status).filter((status) => !documented.has(status));
    expect(extra, `${operationId}: error statuses not in the reference (the platform answers 403, not 401 or 429)`).toEqual([]);
  });
});

describe('security schemes', () => {
  test.each(Object.keys(table.securitySchemes))('%s', (name) => {
    const { source, ...expected } = table.securitySchemes[name]!;
    const actual = spec.components?.securitySchemes?.[name] ?? {};
    const subset = Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
    expect(subset, `security scheme ${name} (${source})`).toEqual(expected);
  });

  test('no security scheme the reference lacks', () => {
    expect(Object.keys(spec.components?.securitySchemes ?? {}).sort()).toEqual(Object.keys(table.securitySchemes).sort());
  });
});
