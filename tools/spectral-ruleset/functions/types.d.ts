// Types the JSDoc of the ruleset functions refers to (type-checked by `tsc -p tsconfig.json`
// with checkJs; Spectral itself never loads this file).
import type { createRulesetFunction } from '@stoplight/spectral-core';

/** What Spectral hands every ruleset function as its third argument. */
export type FunctionContext = Parameters<Parameters<typeof createRulesetFunction>[1]>[2];
export type JsonPath = FunctionContext['path'];

/** One finding of a ruleset function. */
export interface FunctionResult {
  message: string;
  path?: JsonPath;
}

/** A node of the (resolved) OpenAPI document: any JSON object. */
export type Json = Record<string, any>;
