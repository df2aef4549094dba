// Every response of the contract, asked for by name with `Prefer: example=…`. These need a server
// that honours it (the mock does; a provider must implement them as provider states, or run with
// NORTHBOUND_SCENARIOS=off). The closing test fails when a documented response was never received.
import { describe, expect, it } from 'vitest';
import { defineLoginScenarioTests, defineRefreshScenarioTests } from './auth-scenarios.js';
import { ERROR_CLASS_BY_EXAMPLE } from './examples.js';
import { responseKey, type SuiteContext } from './harness.js';
import { WRITE_OPERATIONS } from './operations.js';
import { definePackageScenarioTests } from './package-scenarios.js';
import { defineSubtaskScenarioTests } from './subtask-scenarios.js';
import { defineTaskScenarioTests } from './task-scenarios.js';
import type { Json } from '../schema.js';

/** One module per operation (or group of them): adding an operation adds a row here. */
const SCENARIO_AREAS: ReadonlyArray<(ctx: SuiteContext) => void> = [
  defineSubtaskScenarioTests,
  defineLoginScenarioTests,
  defineRefreshScenarioTests,
  definePackageScenarioTests,
  defineTaskScenarioTests,
];


/** Every operationId of the spec. */
function specOperations(document: Json): string[] {
  return Object.values<Json>(document.paths).flatMap((item) =>
    Object.values<Json>(item)
      .filter((operation) => typeof operation === 'object' && operation !== null && typeof operation.operationId === 'string')
      .map((operation) => operation.operationId as string),
  );
}

export function defineScenarioTests(ctx: SuiteContext): void {
  const { examples, seen, target, validator } = ctx;
  const scenarioSuite = ctx.target.scenarios ? describe : describe.skip;
  scenarioSuite('every response of the contract, by scenario', () => {
    it('the spec has examples for every operation, and a client error for every error example', () => {
      const operations = specOperations(validator.document);
      expect(operations.length).toBeGreaterThanOrEqual(10);
      const withoutExamples = operations.filter((id) => !examples.some((e) => e.operationId === id && e.status >= 400));
      expect(withoutExamples, 'every operation documents its errors with named examples').toEqual([]);
      const unmapped = examples.filter((e) => e.status >= 400 && !(e.key in ERROR_CLASS_BY_EXAMPLE)).map((e) => e.key);
      expect(unmapped, 'add the client error class of new error examples to ERROR_CLASS_BY_EXAMPLE').toEqual([]);
    });

    for (const define of SCENARIO_AREAS) define(ctx);

    it('every documented response was received and checked by the tests above', () => {
      // Against a provider without NORTHBOUND_ALLOW_WRITES=1, the write operations did not run (and say so).
      const ran = examples.filter((e) => target.writes || !WRITE_OPERATIONS.includes(e.operationId));
      const expected = ran.map((e) => responseKey(e.operationId, e.status, e.value));
      const missing = [...new Set(expected)].filter((key) => !seen.has(key));
      expect(missing).toEqual([]);
    });
  });
}
