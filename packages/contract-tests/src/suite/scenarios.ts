// Every response of the contract, asked for by name with `Prefer: example=…`. These need a server
// that honours it (the mock does; a provider must implement them as provider states, or run with
// NORTHBOUND_SCENARIOS=off). The closing test fails when a documented response was never received.
import { describe, expect, it } from 'vitest';
import { defineLoginScenarioTests, defineRefreshScenarioTests } from './auth-scenarios.js';
import { ERROR_CLASS_BY_EXAMPLE } from './examples.js';
import { responseKey, type SuiteContext } from './harness.js';
import { LOGIN, REFRESH, SUBTASKS } from './operations.js';
import { defineSubtaskScenarioTests } from './subtask-scenarios.js';

/** One module per operation (or group of them): adding an operation adds a row here. */
const SCENARIO_AREAS: ReadonlyArray<(ctx: SuiteContext) => void> = [defineSubtaskScenarioTests, defineLoginScenarioTests, defineRefreshScenarioTests];

export function defineScenarioTests(ctx: SuiteContext): void {
  const { examples, seen } = ctx;
  const scenarioSuite = ctx.target.scenarios ? describe : describe.skip;
  scenarioSuite('every response of the contract, by scenario', () => {
    it('the spec has examples for every operation, and a client error for every error example', () => {
      expect(examples.filter((e) => e.operationId === SUBTASKS).length).toBeGreaterThan(3);
      expect(examples.filter((e) => e.operationId === LOGIN).length).toBeGreaterThan(1);
      expect(examples.filter((e) => e.operationId === REFRESH).length).toBeGreaterThan(1);
      const unmapped = examples.filter((e) => e.status >= 400 && !(e.key in ERROR_CLASS_BY_EXAMPLE)).map((e) => e.key);
      expect(unmapped, 'add the client error class of new error examples to ERROR_CLASS_BY_EXAMPLE').toEqual([]);
    });

    for (const define of SCENARIO_AREAS) define(ctx);

    it('every documented response was received and checked by the tests above', () => {
      const expected = examples.map((e) => responseKey(e.operationId, e.status, e.value));
      const missing = [...new Set(expected)].filter((key) => !seen.has(key));
      expect(missing).toEqual([]);
    });
  });
}
