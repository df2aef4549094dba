// The fleet-dashboard team's Pact JS consumer test (an imaginary team, written as a team that uses
// Pact would write it): their dashboard lists a task's failed subtasks and shows each one's cause
// (`detailInfo`). Pact JS writes the pact; the test checks that consumers/fleet-dashboard.json is
// what it writes, and `UPDATE_PACTS=1 npx vitest run test/fleet-dashboard.pact.test.ts` rewrites it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchersV3, PactV3, SpecificationVersion } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSUMERS_DIR } from '../src/registry.js';
import { keepPactWhenAsked } from './support/update-pacts.js';

const { eachLike, equal, fromProviderState, integer, regex, string } = MatchersV3;

/** The dashboard's own code: the failed subtasks of a task, as rows "device: cause". */
async function failedDevices(baseUrl: string, operationId: string, auth: { appKey: string; accessToken: string }): Promise<string[]> {
  const url = new URL(`/iodm/northbound/v1.5.0/operations/${encodeURIComponent(operationId)}/subOperations`, baseUrl);
  url.searchParams.set('subOperationStatus', 'fail');
  url.searchParams.set('pageNo', '0');
  url.searchParams.set('pageSize', '100');
  const response = await fetch(url, { headers: { app_key: auth.appKey, authorization: `Bearer ${auth.accessToken}`, accept: 'application/json' } });
  if (!response.ok) throw new Error(`subtasks of ${operationId}: HTTP ${response.status}`);
  const page = (await response.json()) as { data: { deviceId: string; detailInfo?: string }[] };
  return page.data.map((subtask) => `${subtask.deviceId}: ${subtask.detailInfo ?? 'no cause given'}`);
}

const outputDir = mkdtempSync(join(tmpdir(), 'fleet-dashboard-pact-'));
afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

describe('fleet-dashboard, a Pact JS consumer of the northbound API', () => {
  it('writes the pact of listing the failed subtasks of a task with their causes', async () => {
    const pact = new PactV3({ consumer: 'fleet-dashboard', provider: 'iodm-northbound', dir: outputDir, spec: SpecificationVersion.SPECIFICATION_VERSION_V3, logLevel: 'warn' });
    pact
      .given('a task with failed subtasks')
      .uponReceiving('a request for the failed subtasks of a task')
      .withRequest({
        method: 'GET',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Pact's provider-state expression, filled in by the verifier's state handler
        path: fromProviderState('/iodm/northbound/v1.5.0/operations/${operationId}/subOperations', '/iodm/northbound/v1.5.0/operations/5bf3a8c7e1d2f40001a3b4c5/subOperations'),
        query: { subOperationStatus: 'fail', pageNo: '0', pageSize: '100' },
        headers: {
          app_key: string('3RQ9UnhC_rEvMJ2WnJHUGMaPL3oa'),
          authorization: regex(/^Bearer [0-9a-f]{32}$/.source, 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b'),
          accept: 'application/json',
        },
      })
      .willRespondWith({
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: {
          pageNo: integer(0),
          pageSize: integer(100),
          totalCount: integer(1),
          data: eachLike({
            deviceId: string('8f9c2d4e-1b3a-4c5d-9e7f-0a1b2c3d4e5f'),
            // The filter is what the dashboard relies on: every subtask listed is a failed one
            // (eachLike's type rule would otherwise let any status through).
            status: equal('fail'),
            detailInfo: string('Device did not respond to the upgrade command.'),
          }),
        },
      });

    await pact.executeTest(async (mockServer) => {
      const rows = await failedDevices(mockServer.url, '5bf3a8c7e1d2f40001a3b4c5', { appKey: '3RQ9UnhC_rEvMJ2WnJHUGMaPL3oa', accessToken: '6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' });
      expect(rows).toEqual(['8f9c2d4e-1b3a-4c5d-9e7f-0a1b2c3d4e5f: Device did not respond to the upgrade command.']);
    });

    const written = readFileSync(join(outputDir, 'fleet-dashboard-iodm-northbound.json'), 'utf8');
    keepPactWhenAsked('fleet-dashboard.json', written);
    expect(JSON.parse(written)).toEqual(JSON.parse(readFileSync(join(CONSUMERS_DIR, 'fleet-dashboard.json'), 'utf8')));
  });
});
