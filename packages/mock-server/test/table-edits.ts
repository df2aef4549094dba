// Spec edits made on the generated constraints table in memory, for the time of one test: the
// mock's test files share one module graph (vitest.config.ts, isolate: false), so an edit that
// outlived its test would change what every later file checks.
import { operationConstraints, type ValueConstraint } from '@iodm-northbound/spec/constraints';

type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };

/** The table as a test may edit it: any operation's parameters, by name. */
export type EditableTable = Record<string, Writable<{ parameters: Record<string, { in: string; required: boolean; schema: ValueConstraint }> }>>;

/**
 * Runs `run` with `edit` made on `table` (the module's own by default; a test that imported the
 * module afresh passes the one it got), then puts every operation back as it was when the edit was
 * made, whether `run` passed, failed or `edit` itself threw.
 */
export async function withTableEdits<T>(edit: (table: EditableTable) => void, run: () => T | Promise<T>, table: object = operationConstraints): Promise<T> {
  const editable = table as EditableTable;
  const before = structuredClone(editable);
  try {
    edit(editable);
    return await run();
  } finally {
    for (const operationId of Object.keys(editable)) if (!Object.hasOwn(before, operationId)) delete editable[operationId];
    Object.assign(editable, before);
  }
}
