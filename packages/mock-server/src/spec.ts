import { readFile } from 'node:fs/promises';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { bundledSpecPath } from './spec-path.js';

export type HttpOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

/** One named example of an operation's responses, with what the mock needs to serve it. */
export interface ResponseExample {
  readonly key: string;
  readonly statusCode: number;
  /** The platform `error_code` of an error example, if its body has one. */
  readonly errorCode: string | undefined;
  /** The example's value (what the mock's stores are seeded from). */
  readonly value: unknown;
}

export interface LoadedOperation {
  readonly operation: HttpOperation;
  readonly statusCodes: readonly number[];
  readonly examples: ReadonlyMap<string, ResponseExample>;
}

export interface LoadedSpec {
  readonly operations: HttpOperation[];
  readonly byId: ReadonlyMap<string, LoadedOperation>;
}


let cached: Promise<LoadedSpec> | undefined;

/** Loads and indexes the bundled spec once per process: every mock started after the first is cheap. */
export function loadSpec(): Promise<LoadedSpec> {
  cached ??= (async () => {
    const document: unknown = JSON.parse(await readFile(bundledSpecPath(), 'utf8'));
    const operations = await getHttpOperationsFromSpec(document as object);
    const byId = new Map<string, LoadedOperation>();
    for (const operation of operations) {
      byId.set(operation.iid ?? operation.id, indexOperation(operation));
    }
    return { operations, byId };
  })();
  // A failed load must not poison every later start (e.g. the spec was being rebuilt).
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

function indexOperation(operation: HttpOperation): LoadedOperation {
  const examples = new Map<string, ResponseExample>();
  const statusCodes: number[] = [];
  for (const response of operation.responses) {
    const statusCode = Number.parseInt(response.code, 10);
    if (!Number.isInteger(statusCode)) continue;
    statusCodes.push(statusCode);
    for (const content of response.contents ?? []) {
      for (const example of content.examples ?? []) {
        const value = 'value' in example ? example.value : undefined;
        const errorCode =
          value !== null && typeof value === 'object' && typeof (value as { error_code?: unknown }).error_code === 'string'
            ? (value as { error_code: string }).error_code
            : undefined;
        examples.set(example.key, { key: example.key, statusCode, errorCode, value });
      }
    }
  }
  return { operation, statusCodes, examples };
}
