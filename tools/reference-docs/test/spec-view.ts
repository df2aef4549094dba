// What the reference page must show, read from the bundled spec: the sidebar's tag groups, each
// operation's tag, summary, parameters, security schemes and the platform error codes of each
// error status. A parameter, operation or error code added to the spec is then looked for on the
// page with no edit to the test.
import spec, { type OpenApiDocument } from '@iodm-northbound/spec';
import { type ConstrainedOperation, operationConstraints } from '@iodm-northbound/spec/constraints';
import { followRefs } from '@iodm-northbound/spec/pointer';

interface OperationObject {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
}

export interface OperationView {
  readonly tag: string;
  readonly summary: string;
  readonly path: string;
  /** Every parameter's name (path, query and header). */
  readonly parameters: readonly string[];
  /** The names of the security schemes the operation asks for (the document's default when it names none). */
  readonly securitySchemes: readonly string[];
  /** Per error status: the `error_code` of each of its examples. */
  readonly errorCodesByStatus: Readonly<Record<string, readonly string[]>>;
}

const document: OpenApiDocument = spec;

function operationObject(operationId: ConstrainedOperation): OperationObject {
  const { method, path } = operationConstraints[operationId];
  const operation = document.paths[path]?.[method] as OperationObject | undefined;
  if (operation?.operationId !== operationId) throw new Error(`the bundled spec has no ${operationId} at ${method.toUpperCase()} ${path}`);
  return operation;
}

/** The `error_code`s of a response's examples, `$ref`s followed. */
function exampleErrorCodes(response: unknown): string[] {
  const { value } = followRefs(document, response);
  const examples = (value as { content?: Record<string, { examples?: Record<string, unknown> }> }).content?.['application/json']?.examples ?? {};
  return Object.values(examples).flatMap((example) => {
    const code = (followRefs(document, example).value as { value?: { error_code?: unknown } }).value?.error_code;
    return typeof code === 'string' ? [code] : [];
  });
}

export function operationView(operationId: ConstrainedOperation): OperationView {
  const operation = operationObject(operationId);
  const tag = operation.tags?.[0];
  if (tag === undefined || operation.summary === undefined) throw new Error(`${operationId} has no tag or no summary in the spec`);
  const security = operation.security ?? (document.security as OperationObject['security']) ?? [];
  const errorCodesByStatus = Object.fromEntries(
    Object.entries(operation.responses ?? {})
      .filter(([status]) => Number(status) >= 400)
      .map(([status, response]) => [status, exampleErrorCodes(response)] as const)
      .filter(([, codes]) => codes.length > 0),
  );
  return {
    tag,
    summary: operation.summary,
    path: operationConstraints[operationId].path,
    parameters: Object.keys(operationConstraints[operationId].parameters),
    securitySchemes: [...new Set(security.flatMap((requirement) => Object.keys(requirement)))],
    errorCodesByStatus,
  };
}

/** The sidebar as a reader sees it: each tag group of `x-tagGroups`, with its tags in order. */
export function sidebarGroups(): { group: string; tags: readonly string[] }[] {
  const groups = (document['x-tagGroups'] ?? []) as { name: string; tags: string[] }[];
  return groups.map(({ name, tags }) => ({ group: name, tags }));
}

/** Every operation's summary, by its first tag. */
export function summariesByTag(): Map<string, string[]> {
  const byTag = new Map<string, string[]>();
  for (const operationId of Object.keys(operationConstraints) as ConstrainedOperation[]) {
    const { tag, summary } = operationView(operationId);
    byTag.set(tag, [...(byTag.get(tag) ?? []), summary]);
  }
  return byTag;
}
