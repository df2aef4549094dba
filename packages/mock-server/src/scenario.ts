// The scenario step: what a valid request asked for with its Prefer header.
import { parsePreferHeader, ScenarioError } from './prefer.js';
import type { HeaderMap } from './http.js';
import type { LoadedOperation } from './spec.js';

/** What the mock will serve for a valid request. */
export interface Scenario {
  /** A status code the request forced, with the example to serve if one was named. */
  readonly forced: { readonly code: number; readonly exampleKey: string | undefined } | undefined;
  /** Generate the body from the schema (only when no example was named). */
  readonly dynamic: boolean;
  readonly seed: string | undefined;
}

/** Reads the Prefer header against the operation; throws ScenarioError for what the contract lacks. */
export function chooseScenario(loaded: LoadedOperation, headers: HeaderMap, dynamicByDefault: boolean): Scenario {
  const preferences = parsePreferHeader(headers.prefer);
  const id = loaded.operation.iid ?? loaded.operation.id;
  let forced: Scenario['forced'];
  if (preferences.example !== undefined) {
    const example = loaded.examples.get(preferences.example);
    if (!example) {
      throw new ScenarioError(`${id} has no example "${preferences.example}"; its examples are ${[...loaded.examples.keys()].join(', ')}`);
    }
    if (preferences.code !== undefined && preferences.code !== example.statusCode) {
      throw new ScenarioError(`example "${example.key}" of ${id} is a ${example.statusCode} response, not ${preferences.code}`);
    }
    forced = { code: example.statusCode, exampleKey: example.key };
  } else if (preferences.code !== undefined) {
    if (!loaded.statusCodes.includes(preferences.code)) {
      throw new ScenarioError(`${id} defines no ${preferences.code} response; it defines ${loaded.statusCodes.join(', ')}`);
    }
    forced = { code: preferences.code, exampleKey: undefined };
  }
  const dynamic = forced?.exampleKey === undefined && (preferences.dynamic ?? dynamicByDefault);
  return { forced, dynamic, seed: preferences.seed };
}
