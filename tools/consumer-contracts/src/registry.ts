// The registry of consumer contracts: the Pact files in the repository's consumers/ folder, one
// per consuming team, as Pact JS writes them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONSUMERS_DIR = fileURLToPath(new URL('../../../consumers/', import.meta.url));

export interface PactInteraction {
  readonly description: string;
  readonly providerStates?: readonly { readonly name: string; readonly params?: Record<string, unknown> }[];
  readonly providerState?: string;
  readonly request: { readonly method: string; readonly path: string; readonly query?: unknown; readonly headers?: Record<string, unknown>; readonly body?: unknown };
  readonly response: { readonly status: number; readonly headers?: Record<string, unknown>; readonly body?: unknown };
}

export interface PactFile {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly PactInteraction[];
  readonly metadata?: Record<string, unknown>;
}

export interface RegisteredPact {
  /** The consuming team, as the pact names it. */
  readonly consumer: string;
  /** Where the pact lives. */
  readonly file: string;
  readonly pact: PactFile;
}

/** Every `*.json` pact in `dir` (consumers/ unless told), in file-name order. */
export function loadRegisteredPacts(dir: string = CONSUMERS_DIR): RegisteredPact[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const pact = JSON.parse(readFileSync(file, 'utf8')) as PactFile;
      if (!pact.consumer?.name || !Array.isArray(pact.interactions)) throw new Error(`${file} is not a Pact file: it needs consumer.name and interactions`);
      return { consumer: pact.consumer.name, file, pact };
    });
}
