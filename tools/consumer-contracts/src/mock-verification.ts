// Consumer contracts against the mock: each pact replayed against a running mock by Pact's own
// provider verifier, with the pacts' provider states mapped to what the mock knows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import type { RegisteredPact } from './registry.js';

/**
 * Provider states as the mock plays them. The mock holds no state to set up for these: each
 * names ids it always answers (`paged-<N>`: a task of N subtasks, some of them failed), given
 * back to pacts whose paths come from the state.
 */
const MOCK_PROVIDER_STATES: Record<string, () => Promise<Record<string, string>>> = {
  'a task with failed subtasks': async () => ({ operationId: 'paged-20' }),
};

export interface InteractionVerification {
  readonly consumer: string;
  readonly interaction: string;
  readonly honoured: boolean;
}

/**
 * Every interaction of every pact replayed against the provider at `providerBaseUrl`, one at a
 * time so that a failure is known by its interaction (the verifier's own answer is only pass or fail).
 */
export async function verifyPactsAgainstMock(providerBaseUrl: string, pacts: readonly RegisteredPact[]): Promise<InteractionVerification[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pact-verification-'));
  const results: InteractionVerification[] = [];
  try {
    for (const { consumer, pact } of pacts) {
      for (const [index, interaction] of pact.interactions.entries()) {
        const file = join(dir, `${results.length}.json`);
        writeFileSync(file, JSON.stringify({ ...pact, interactions: [interaction] }));
        const verifier = new Verifier({ provider: pact.provider.name, providerBaseUrl, pactUrls: [file], stateHandlers: MOCK_PROVIDER_STATES, logLevel: 'error' });
        const honoured = await verifier.verifyProvider().then(
          () => true,
          () => false,
        );
        results.push({ consumer, interaction: interaction.description ?? `interaction ${index}`, honoured });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
