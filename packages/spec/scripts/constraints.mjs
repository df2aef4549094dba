// Generates src/generated/constraints.ts: for every operation of the bundled spec, its method and
// path, its parameters and its request body with the constraints a caller's input must meet (type,
// enum, bounds, lengths, pattern, items, required fields), every $ref resolved. The client's input
// checks, the CLI's options and the mock's checks beyond Prism read this table, so a limit, an enum
// value or a parameter changed in openapi/ reaches them with a build. The module reads no file.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const bundledSpecPath = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));
export const generatedConstraintsPath = fileURLToPath(new URL('../src/generated/constraints.ts', import.meta.url));

const childOf = (node, token) => {
  const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
  return node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? node[key] : undefined;
};

/**
 * The value itself, or what its $ref chain (local pointers of the bundled spec) ends at; a ref that
 * names nothing or comes back to itself is an error, not a crash or a hang. (src/pointer.ts, which
 * does the same for runtime code, is compiled after this runs.)
 */
function resolveRef(document, value) {
  let current = value;
  const followed = new Set();
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (followed.has(ref)) throw new Error(`$ref ${ref} refers back to itself`);
    followed.add(ref);
    current = ref.startsWith('#/') ? ref.slice(2).split('/').reduce(childOf, document) : undefined;
    if (current === undefined) throw new Error(`$ref ${ref} names nothing in the bundled spec`);
  }
  return current;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// The schema keywords a caller's value is checked against; descriptions and examples stay in the spec.
const KEPT = ['type', 'format', 'nullable', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'required', 'default'];

// Keywords whose meaning a caller's value cannot be checked against here: refused rather than dropped.
const UNREDUCIBLE = ['oneOf', 'anyOf', 'not', 'discriminator'];
const TIGHTER = { minimum: Math.max, minLength: Math.max, minItems: Math.max, maximum: Math.min, maxLength: Math.min, maxItems: Math.min };

/** Both constraints at once (allOf): properties and required united, bounds the tighter, enums intersected. */
function mergeConstraints(left, right, where) {
  const merged = { ...left };
  for (const [keyword, value] of Object.entries(right)) {
    const known = merged[keyword];
    if (known === undefined) merged[keyword] = value;
    else if (keyword in TIGHTER) merged[keyword] = TIGHTER[keyword](known, value);
    else if (keyword === 'required') merged.required = [...new Set([...known, ...value])];
    else if (keyword === 'enum') merged.enum = known.filter((entry) => value.includes(entry));
    else if (keyword === 'properties') {
      merged.properties = { ...known };
      for (const [name, property] of Object.entries(value)) {
        merged.properties[name] = merged.properties[name] === undefined ? property : mergeConstraints(merged.properties[name], property, `${where}.${name}`);
      }
    } else if (keyword === 'items') merged.items = mergeConstraints(known, value, `${where}[]`);
    else if (keyword === 'nullable' || keyword === 'additionalProperties' || keyword === 'uniqueItems') merged[keyword] = keyword === 'uniqueItems' ? known || value : known && value;
    else if (JSON.stringify(known) !== JSON.stringify(value)) throw new Error(`${where}: allOf members disagree on ${keyword} (${JSON.stringify(known)} and ${JSON.stringify(value)})`);
  }
  return merged;
}

/** The schema reduced to what input checks read, $refs resolved, allOf members merged; `where` names it in errors. */
function constraintOf(spec, value, where, seen = new Set()) {
  const schema = resolveRef(spec, value) ?? {};
  if (seen.has(schema)) throw new Error(`${where}: a recursive schema cannot become an input constraint`);
  const unreducible = UNREDUCIBLE.find((keyword) => schema[keyword] !== undefined);
  if (unreducible) throw new Error(`${where}: ${unreducible} cannot become an input constraint; extend scripts/constraints.mjs`);
  if (typeof schema.pattern === 'string') {
    try {
      new RegExp(schema.pattern, 'u');
    } catch (error) {
      throw new Error(`${where}: pattern ${schema.pattern} is not an ECMAScript (u) regular expression: ${error.message}`);
    }
  }
  const inner = new Set(seen).add(schema);
  let merged = {};
  for (const [index, member] of (schema.allOf ?? []).entries()) merged = mergeConstraints(merged, constraintOf(spec, member, `${where}.allOf[${index}]`, inner), where);
  const own = {};
  for (const keyword of KEPT) if (schema[keyword] !== undefined) own[keyword] = schema[keyword];
  if (schema.items !== undefined) own.items = constraintOf(spec, schema.items, `${where}[]`, inner);
  if (schema.properties !== undefined) {
    own.properties = {};
    for (const [name, property] of Object.entries(schema.properties)) own.properties[name] = constraintOf(spec, property, `${where}.${name}`, inner);
  }
  if (typeof schema.additionalProperties === 'boolean') own.additionalProperties = schema.additionalProperties;
  return mergeConstraints(merged, own, where);
}

/** Path-item parameters first, then the operation's, which override one of the same name and place. */
function parametersOf(spec, pathItem, operation) {
  const byKey = new Map();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef(spec, raw);
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const parameters = {};
  for (const parameter of byKey.values()) {
    // Callers name a parameter by its name alone (a query key, a CLI flag), so one name is one parameter.
    if (Object.hasOwn(parameters, parameter.name)) throw new Error(`${operation.operationId}: two parameters are named ${parameter.name} (in ${parameters[parameter.name].in} and ${parameter.in})`);
    parameters[parameter.name] = { in: parameter.in, required: parameter.required === true, schema: constraintOf(spec, parameter.schema, `${operation.operationId} parameter ${parameter.name}`) };
  }
  return parameters;
}

function bodyOf(spec, operation) {
  const body = resolveRef(spec, operation.requestBody);
  if (body === undefined) return undefined;
  const [mediaType, content] = Object.entries(body.content ?? {})[0] ?? [];
  if (mediaType === undefined) return undefined;
  return { required: body.required === true, mediaType, schema: constraintOf(spec, content.schema, `${operation.operationId} body`) };
}

export function constraintsOf(spec) {
  const operations = {};
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (typeof operation?.operationId !== 'string') continue;
      const body = bodyOf(spec, operation);
      operations[operation.operationId] = { method, path, parameters: parametersOf(spec, pathItem, operation), ...(body ? { body } : {}) };
    }
  }
  return operations;
}

const banner = `/**
 * Generated by scripts/constraints.mjs from the bundled spec.
 * Do not edit it: change openapi/ (or the script) and build the spec package.
 */
`;

export async function renderConstraints() {
  const spec = JSON.parse(await readFile(bundledSpecPath, 'utf8'));
  return `${banner}import type { OperationConstraints } from '../constraint-types.js';

/** Per operationId: method, path, parameters and request body, with what a value of each must meet. */
export const operationConstraints = ${JSON.stringify(constraintsOf(spec), null, 2)} as const satisfies Readonly<Record<string, OperationConstraints>>;

export type ConstrainedOperation = keyof typeof operationConstraints;
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = await renderConstraints();
  await mkdir(dirname(generatedConstraintsPath), { recursive: true });
  await writeFile(generatedConstraintsPath, source);
  console.log(`wrote ${generatedConstraintsPath}`);
}
