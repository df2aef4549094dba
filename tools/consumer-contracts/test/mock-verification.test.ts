// Every registered pact verified against the running mock with Pact's own Verifier; a pact the
// mock cannot honour fails with its interaction named.
import { startMockServer } from '@iodm-northbound/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPactsAgainstMock } from '../src/mock-verification.js';
import { loadRegisteredPacts, type RegisteredPact } from '../src/registry.js';

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(async () => {
  await mock?.close();
});

const registered = loadRegisteredPacts();

describe('the consumer contracts against the mock', () => {
  it.each(registered.map((entry) => [entry.consumer, entry] as const))('the mock honours every interaction of %s', async (_consumer, entry) => {
    const results = await verifyPactsAgainstMock(mock.url, [entry]);
    expect(results.length).toBe(entry.pact.interactions.length);
    expect(results.filter((result) => !result.honoured)).toEqual([]);
  });

  it('a copy of the fleet-dashboard pact expecting a field the spec lacks fails with its interaction named', async () => {
    const original = registered.find((entry) => entry.consumer === 'fleet-dashboard') as RegisteredPact;
    const pact = structuredClone(original.pact) as any;
    pact.interactions[0].response.body.data[0].retryCount = 3;
    const results = await verifyPactsAgainstMock(mock.url, [{ ...original, pact }]);
    expect(results).toEqual([{ consumer: 'fleet-dashboard', interaction: 'a request for the failed subtasks of a task', honoured: false }]);
  });
});
