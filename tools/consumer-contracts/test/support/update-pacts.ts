// The pacts in consumers/ are written by tests; UPDATE_PACTS=1 lets a test replace its file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSUMERS_DIR } from '../../src/registry.js';

export function keepPactWhenAsked(fileName: string, pactText: string): void {
  if (process.env.UPDATE_PACTS === '1') writeFileSync(join(CONSUMERS_DIR, fileName), pactText);
}
