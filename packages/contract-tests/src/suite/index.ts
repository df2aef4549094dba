// The contract suite: the real client against a server (the mock, or a provider under
// verification), for every response the contract defines. Every response that comes back is
// checked against the spec's schemas, whatever the test was about (see harness.ts).
import { describe, inject } from 'vitest';
import type { ContractTarget } from '../target.js';
import { createSuiteContext, type SuiteContext } from './harness.js';
import { defineHostileInputTests } from './hostile-input.js';
import { definePackageTests } from './packages.js';
import { definePagingTests } from './paging.js';
import { defineQueryParameterTests } from './query-parameters.js';
import { defineQueryingTests } from './querying.js';
import { defineScenarioTests } from './scenarios.js';
import { defineTaskTests } from './tasks.js';
import { defineUpgradeHostileInputTests } from './upgrade-hostile-input.js';
import { defineTokenTests } from './tokens.js';

export { contractExamples, ERROR_CLASS_BY_EXAMPLE, type ContractExample } from './examples.js';

/** The areas of the suite, in the order they run; an operation's tests are one more row. */
const AREAS: ReadonlyArray<(ctx: SuiteContext) => void> = [
  defineQueryingTests,
  defineQueryParameterTests,
  defineTokenTests,
  definePagingTests,
  definePackageTests,
  defineTaskTests,
  defineHostileInputTests,
  defineUpgradeHostileInputTests,
  // Last: its closing test checks every documented response was received by the areas above.
  defineScenarioTests,
];

export interface ContractSuiteOptions {
  /** The server to verify; defaults to what the suite's global setup provided. */
  target?: ContractTarget;
}

/**
 * Registers the contract suite in the calling vitest file. Without options it runs against the
 * target of `@iodm-northbound/contract-tests/global-setup` (the mock, or NORTHBOUND_BASE_URL).
 */
export function defineContractSuite(options: ContractSuiteOptions = {}): void {
  const target = options.target ?? inject('northboundContractTarget');
  const ctx = createSuiteContext(target);
  describe(`northbound contract against the ${target.kind}`, () => {
    for (const define of AREAS) define(ctx);
  });
  // A skipped area shows as skipped in the report; this says why, so that it never reads as passed.
  process.stdout.write(`${areaReport(target)}\n`);
}

/** Which areas run against this target, and how to run the ones that do not. */
export function areaReport(target: ContractTarget): string {
  const lines = [
    `northbound contract against the ${target.kind} ${target.baseUrl}:`,
    '  RAN      subtask query, every query parameter of the list queries, tokens, paging, version packages (reads), upgrade tasks (reads), hostile input (writes without a token included)',
    target.scenarios
      ? '  RAN      every response by scenario (Prefer): subtasks, login, refresh, packages, tasks'
      : '  SKIPPED  every response by scenario: the server does not honour Prefer (NORTHBOUND_SCENARIOS=off)',
    target.writes
      ? `  RAN      writes: create firmware/software tasks, delete a package, hostile create bodies${target.kind === 'provider' ? ' (NORTHBOUND_ALLOW_WRITES=1)' : ''}`
      : '  SKIPPED  writes: create firmware/software tasks, delete a package, hostile create bodies; set NORTHBOUND_ALLOW_WRITES=1 to run them (they change the server)',
  ];
  if (!target.scenarios) lines.push('  (writes need scenarios too: without Prefer they do not run either)');
  return lines.join('\n');
}
