// Edits of the hand-written spec's YAML files, each a pure function from a file's text to its new
// text. They go through the `yaml` package's Document API so comments, block descriptions and
// key order survive; an edit that finds nothing to change throws instead of changing nothing.
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';

/** A query parameter as the spec writes one inline (only what the rehearsal adds). */
export interface QueryParameter {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

export class SpecEditError extends Error {
  override name = 'SpecEditError';
}

function parsed(text: string, what: string): Document {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new SpecEditError(`${what} is not valid YAML: ${document.errors[0]?.message}`);
  return document;
}

/** Without folding: the spec's long one-line descriptions stay one line. */
const written = (document: Document) => document.toString({ lineWidth: 0 });

/** The `get` operation's parameter list of a path file. */
function operationParameters(document: Document, what: string) {
  const parameters = document.getIn(['get', 'parameters']);
  if (!isSeq(parameters)) throw new SpecEditError(`${what} has no get.parameters list`);
  return parameters;
}

/**
 * Gives the operation of a path file its own copy of a shared parameter (`$ref: <sharedRef>`),
 * with `changes` set on its schema and its own description, so that the other operations using
 * the shared file keep the old value.
 */
export function withOwnParameter(pathYaml: string, sharedRef: string, sharedParameterYaml: string, changes: { schema: Record<string, unknown>; description: string }): string {
  const document = parsed(pathYaml, 'the path file');
  const parameters = operationParameters(document, 'the path file');
  const index = parameters.items.findIndex((item) => isMap(item) && item.get('$ref') === sharedRef);
  if (index < 0) throw new SpecEditError(`the path file's get.parameters has no $ref ${sharedRef}`);
  const shared = parsed(sharedParameterYaml, sharedRef).toJS() as { schema?: Record<string, unknown> } & Record<string, unknown>;
  const own = { ...shared, description: changes.description, schema: { ...shared.schema, ...changes.schema } };
  parameters.items[index] = document.createNode(own);
  return written(document);
}

/** Sets `keys` (e.g. `maximum`) on the schema at `path` of a schema file; each must be there already. */
export function withSchemaBounds(schemaYaml: string, path: readonly string[], bounds: Record<string, number>): string {
  const document = parsed(schemaYaml, 'the schema file');
  for (const [key, value] of Object.entries(bounds)) {
    if (!document.hasIn([...path, key])) throw new SpecEditError(`the schema file has no ${[...path, key].join('.')}`);
    document.setIn([...path, key], value);
  }
  return written(document);
}

/** Adds a value to a schema file's `enum`, and its meaning as one more `- \`value\`: ...` line of the description. */
export function withEnumValue(schemaYaml: string, value: string, meaning: string): string {
  const document = parsed(schemaYaml, 'the schema file');
  const values = document.get('enum', true);
  if (!isSeq(values)) throw new SpecEditError('the schema file has no enum list');
  if (values.items.some((item) => isScalar(item) && item.value === value)) throw new SpecEditError(`the enum already lists ${value}`);
  values.add(document.createNode(value));
  const description = document.get('description', true);
  if (isScalar(description) && typeof description.value === 'string') {
    // Assigned to the node (not set anew) so the block style stays `|`.
    description.value = `${description.value.replace(/\n*$/, '\n')}- \`${value}\`: ${meaning}\n`;
  }
  return written(document);
}

/** Adds an optional query parameter to the `get` operation of a path file, after the others. */
export function withQueryParameter(pathYaml: string, parameter: QueryParameter): string {
  const document = parsed(pathYaml, 'the path file');
  const parameters = operationParameters(document, 'the path file');
  if (parameters.items.some((item) => isMap(item) && item.get('name') === parameter.name)) {
    throw new SpecEditError(`the operation already has a parameter ${parameter.name}`);
  }
  parameters.add(document.createNode({ name: parameter.name, in: 'query', required: false, description: parameter.description, schema: parameter.schema }));
  return written(document);
}

/** Sets `info.version` of the root document to the next major version; returns the text and both versions. */
export function withMajorVersionBump(rootYaml: string): { text: string; from: string; to: string } {
  const document = parsed(rootYaml, 'the root document');
  const from = document.getIn(['info', 'version']);
  const parts = typeof from === 'string' ? /^(\d+)\.\d+\.\d+$/.exec(from) : null;
  if (typeof from !== 'string' || parts === null) throw new SpecEditError(`info.version ${JSON.stringify(from)} is not MAJOR.MINOR.PATCH`);
  const to = `${Number(parts[1]) + 1}.0.0`;
  document.setIn(['info', 'version'], to);
  return { text: written(document), from, to };
}
