// The recorder as a team that uses our client would use it: its `fetch` handed to the client in a
// test against the mock. The pact it writes pins shapes and formats, not the run's values, and is
// accepted by the comparator and by Pact's verifier.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNorthboundClient } from '@iodm-northbound/client';
import { platformTimestampPattern } from '@iodm-northbound/spec/facts';
import { startMockServer } from '@iodm-northbound/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPactsAgainstMock } from '../src/mock-verification.js';
import { createPactRecorder } from '../src/recording/pact-recorder.js';
import { checkPactsAgainstSpec } from '../src/spec-check.js';

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(async () => {
  await mock?.close();
});

describe('recording a pact through the client', () => {
  it('writes the calls with rules for the token, times and ids, and the comparator and the verifier accept it', async () => {
    const recorder = createPactRecorder({
      consumer: 'report-team',
      describe: ({ url }) =>
        url.pathname.endsWith('/subOperations')
          ? { description: 'a request for the failed subtasks', providerState: 'a task with failed subtasks', exact: ['$.data[*].status'], omit: ['$.data[*].extendInfo'] }
          : undefined,
    });
    const client = createNorthboundClient({ baseUrl: mock.url, appId: 'report-team', secret: 'test-secret' }, { fetch: recorder.fetch });
    const failed = await client.listSubTasks('paged-10', { status: 'fail' }).toArray();
    expect(failed.length).toBeGreaterThan(0);

    const pact = recorder.pact();
    expect(pact.interactions.map((interaction) => interaction.description)).toEqual(['a request for the failed subtasks']);
    const [interaction] = pact.interactions as any[];
    expect(interaction.request.matchingRules.header.authorization.matchers).toEqual([{ match: 'regex', regex: '^Bearer [0-9a-f]{32}$' }]);
    const rules = interaction.response.matchingRules.body;
    expect(rules['$.data']).toEqual({ combine: 'AND', matchers: [{ match: 'type', min: 1 }] });
    expect(rules['$.data[*].createTime'].matchers).toEqual([{ match: 'regex', regex: platformTimestampPattern.source }]);
    expect(rules['$.data[*].subOperationId'].matchers).toEqual([{ match: 'type' }]);
    expect(rules['$.data[*].status'].matchers).toEqual([{ match: 'equality' }]);
    expect(interaction.response.body.data).toHaveLength(1);
    expect(interaction.response.body.data[0].extendInfo).toBeUndefined();

    const spec = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@iodm-northbound/spec/openapi.json')), 'utf8')) as object;
    const registered = { consumer: 'report-team', file: 'recorded in memory', pact };
    expect((await checkPactsAgainstSpec(spec, [registered]))[0]?.problems).toEqual([]);
    expect(await verifyPactsAgainstMock(mock.url, [registered])).toEqual([{ consumer: 'report-team', interaction: 'a request for the failed subtasks', honoured: true }]);
  });
});
