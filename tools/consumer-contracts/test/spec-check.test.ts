// Every registered pact against the bundled spec (openapi-pact-comparator): accepted as it is;
// a copy that expects a field the spec lacks is refused with its team, interaction and field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRegisteredPacts, type RegisteredPact } from '../src/registry.js';
import { checkPactsAgainstSpec } from '../src/spec-check.js';

const bundled = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@iodm-northbound/spec/openapi.json')), 'utf8')) as object;
const registered = loadRegisteredPacts();

describe('the consumer contracts against the spec', () => {
  it('consumers/ holds the Pact JS consumer test pact and the recorded CLI pact', () => {
    expect(registered.map((entry) => entry.consumer)).toEqual(expect.arrayContaining(['fleet-dashboard', 'iodm-northbound-cli']));
  });

  it.each(registered.map((entry) => [entry.consumer, entry] as const))('the spec honours every interaction of %s', async (_consumer, entry) => {
    const [check] = await checkPactsAgainstSpec(bundled, [entry]);
    expect(check?.problems).toEqual([]);
  });

  it('a copy of the fleet-dashboard pact expecting a field the spec lacks is refused, naming its interaction and the field', async () => {
    const original = registered.find((entry) => entry.consumer === 'fleet-dashboard') as RegisteredPact;
    const pact = structuredClone(original.pact) as any;
    pact.interactions[0].response.body.data[0].retryCount = 3;
    const [check] = await checkPactsAgainstSpec(bundled, [{ ...original, pact }]);
    expect(check?.problems).toEqual([
      expect.objectContaining({
        interaction: 'a request for the failed subtasks of a task',
        field: 'response.body.data.0.retryCount',
        operation: 'GET /iodm/northbound/v1.5.0/operations/{operationId}/subOperations',
      }),
    ]);
  });
});
