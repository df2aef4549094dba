// The contract suite: the real client against a server (the mock, or a provider under
// verification), for every response the contract defines. Every response that comes back is
// checked against the spec's schemas, whatever the test was about (see harness.ts).
import { describe, inject } from 'vitest';
import type { ContractTarget } from '../target.js';
import { createSuiteContext, type SuiteContext } from './harness.js';
import { defineHostileInputTests } from './hostile-input.js';
import { definePagingTests } from './paging.js';
import { defineQueryingTests } from './querying.js';
import { defineScenarioTests } from './scenarios.js';
import { defineTokenTests } from './tokens.js';

export { contractExamples, ERROR_CLASS_BY_EXAMPLE, type ContractExample } from './examples.js';

/** The areas of the suite, in the order they run; an operation's tests are one more row. */
const AREAS: ReadonlyArray<(ctx: SuiteContext) => void> = [
  defineQueryingTests,
  defineTokenTests,
  definePagingTests,
  defineHostileInputTests,
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
}
