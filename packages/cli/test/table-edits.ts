// A spec edit made on the generated constraints table in memory, for the length of one test: what
// `npm run generate` would write after an edit under openapi/, with no file touched. The table is
// shared by every module of the test run (the CLI, the client, the simulator), so the edit is
// undone in place whatever the test does, from a copy taken just before it.
import { operationConstraints } from '@iodm-northbound/spec/constraints';

type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
/** The table as an edit may change it: every operation, its parameters and body, writable. */
export type EditableTable = Writable<{ [Operation in keyof typeof operationConstraints]: { parameters: Record<string, { in: string; required: boolean; schema: Record<string, unknown> }>; body?: { schema: Record<string, unknown> } } }>;

type Container = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/**
 * Puts `saved` back into `target`, keeping every object's identity: a module that holds a part of
 * the table (a parameter's schema) sees it restored too.
 */
function restoreInto(target: Container, saved: Container): void {
  const into = target as Record<string, unknown>;
  const from = saved as Record<string, unknown>;
  for (const key of Object.keys(into)) if (!Object.hasOwn(from, key)) delete into[key];
  for (const [key, value] of Object.entries(from)) {
    const current = into[key];
    if (isContainer(value) && isContainer(current) && Array.isArray(value) === Array.isArray(current)) restoreInto(current, value);
    else into[key] = value;
  }
  if (Array.isArray(target)) target.length = (saved as unknown[]).length;
}

/** Runs `run` with `edit` made on the table, and undoes the edit afterwards, also when `run` or `edit` throws. */
export async function withTableEdits<Result>(edit: (table: EditableTable) => void, run: () => Promise<Result>): Promise<Result> {
  const table = operationConstraints as unknown as EditableTable;
  const saved = structuredClone(table);
  try {
    edit(table);
    return await run();
  } finally {
    restoreInto(table as unknown as Container, saved as unknown as Container);
  }
}
