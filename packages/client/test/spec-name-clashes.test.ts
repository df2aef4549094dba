// The typed methods read a few keys of a caller's query as their own: the per-call settings
// (`signal`, `timeoutMs`, ...) and the friendly names (`status`). A query parameter the spec adds
// under one of those names would be dropped or renamed without a word, so the suite fails on it
// after `npm run generate`, before any caller meets it.
import { operationConstraints, parametersIn, type ConstrainedOperation } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { callOptionNames } from '../src/core/call-options.js';
import { typedNames as subTaskNames } from '../src/resources/sub-tasks.js';
import { typedNames as taskNames } from '../src/resources/upgrade-tasks.js';

const operations = Object.keys(operationConstraints) as ConstrainedOperation[];

describe("the spec's query parameters and the client's own names", () => {
  it('no query parameter of any operation is named like a per-call setting', () => {
    const clashes = operations.flatMap((operation) => Object.keys(parametersIn(operation, 'query')).filter((name) => (callOptionNames as readonly string[]).includes(name)).map((name) => `${operation}.${name}`));
    expect(clashes, 'rename the call option or give the parameter a friendly name in the client').toEqual([]);
  });

  it.each([
    ['queryUpgradeSubTask', subTaskNames.renames],
    ['queryUpgradeTaskList', taskNames.renames],
  ] as const)('%s: each friendly name stands for a parameter the spec has, and is not a parameter of its own', (operation, renames) => {
    const query = parametersIn(operation, 'query');
    for (const [friendly, wire] of Object.entries(renames ?? {})) {
      expect(Object.hasOwn(query, wire), `${friendly} stands for ${wire}, which the spec no longer has`).toBe(true);
      expect(Object.hasOwn(query, friendly), `the spec now has a query parameter ${friendly}, which the client reads as ${wire}`).toBe(false);
    }
  });
});
