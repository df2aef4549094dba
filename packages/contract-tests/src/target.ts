// What the contract suite runs against: the mock (default) or a provider named by the environment.

/** Everything the suite needs to know about the server under test. Plain data: it crosses from
 * the global setup to the test workers through vitest's `provide`/`inject`. */
export interface ContractTarget {
  /** Base URL of the server, e.g. `http://127.0.0.1:41873` or `https://203.0.113.10:8743`. */
  baseUrl: string;
  /** `mock` when the global setup started the mock, `provider` when NORTHBOUND_BASE_URL named a server. */
  kind: 'mock' | 'provider';
  appId: string;
  secret: string;
  /** An upgrade task with more than 3 subtasks, walked page by page. */
  pagedTaskId: string;
  /** Whether the server honours `Prefer: code=…, example=…` (the mock does). */
  scenarios: boolean;
  /**
   * Whether the suite may call the operations that change the server (create a task, delete a
   * package). Always on against the mock; against a provider only with NORTHBOUND_ALLOW_WRITES=1.
   */
  writes: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    northboundContractTarget: ContractTarget;
  }
}

/** The environment variables the suite reads (declared in turbo.json so a run is never cached across them). */
export const CONTRACT_ENV = {
  baseUrl: 'NORTHBOUND_BASE_URL',
  appId: 'NORTHBOUND_APP_ID',
  secret: 'NORTHBOUND_SECRET',
  pagedTaskId: 'NORTHBOUND_TASK_ID',
  scenarios: 'NORTHBOUND_SCENARIOS',
  allowWrites: 'NORTHBOUND_ALLOW_WRITES',
} as const;

// The spec's example credentials; the mock accepts any.
const EXAMPLE_APP_ID = '3RQ9UnhymV409MfKPuiin75XroQa';
const EXAMPLE_SECRET = '9zsPMbVqUe6pQe4eaWHG8DaeR6oa';
/** The default task of the paging checks: the mock's deterministic task of 23 subtasks (8 pages of 3). */
export const MOCK_PAGED_TASK_ID = 'paged-23';
/** The page size the paging checks walk the task in (suite/paging.ts), and the page the bin reads first (paging-check.ts). */
export const SUITE_PAGE_SIZE = 3;

export class ContractTargetError extends Error {
  override name = 'ContractTargetError';
}

/**
 * Reads the target from the environment. Without NORTHBOUND_BASE_URL the suite runs against the
 * mock (baseUrl is filled in once it is started); with it, against that server. A variable that
 * is set but empty is an error, never a fallback: an empty NORTHBOUND_BASE_URL once silently
 * verified the mock instead of the provider.
 */
export function contractTargetFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<ContractTarget, 'baseUrl' | 'kind'> & { baseUrl: string | undefined } {
  for (const name of Object.values(CONTRACT_ENV)) {
    if (env[name] !== undefined && env[name]!.trim() === '') {
      throw new ContractTargetError(`${name} is set but empty: give it a value or unset it`);
    }
  }
  // Unset means 0; set but empty was refused above, like every other variable.
  const allowWrites = env[CONTRACT_ENV.allowWrites]?.trim();
  if (allowWrites !== undefined && allowWrites !== '0' && allowWrites !== '1') {
    throw new ContractTargetError(`${CONTRACT_ENV.allowWrites} must be 1 (create tasks and delete packages on the server) or 0, got "${allowWrites}"`);
  }
  const baseUrl = env[CONTRACT_ENV.baseUrl]?.trim();
  if (baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(baseUrl);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ContractTargetError(`${CONTRACT_ENV.baseUrl} must be an http(s) URL, got "${baseUrl}"`);
    }
    for (const name of [CONTRACT_ENV.appId, CONTRACT_ENV.secret]) {
      if (env[name] === undefined) throw new ContractTargetError(`${name} is required with ${CONTRACT_ENV.baseUrl}: the provider does not know the spec's example credentials`);
    }
  }
  const scenarios = env[CONTRACT_ENV.scenarios]?.trim().toLowerCase();
  if (scenarios !== undefined && !['on', 'off', 'true', 'false', '1', '0'].includes(scenarios)) {
    throw new ContractTargetError(`${CONTRACT_ENV.scenarios} must be on or off, got "${env[CONTRACT_ENV.scenarios]}"`);
  }
  // Unset: the mock's paged task, also on a provider (the bin then checks it can page there and
  // says which task to pick when it cannot).
  const pagedTaskId = env[CONTRACT_ENV.pagedTaskId]?.trim();
  return {
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    appId: env[CONTRACT_ENV.appId]?.trim() ?? EXAMPLE_APP_ID,
    secret: env[CONTRACT_ENV.secret] ?? EXAMPLE_SECRET,
    pagedTaskId: pagedTaskId ?? MOCK_PAGED_TASK_ID,
    scenarios: scenarios === undefined || ['on', 'true', '1'].includes(scenarios),
    // The mock forgets everything when it closes; a provider's data is real.
    writes: baseUrl === undefined || allowWrites === '1',
  };
}

/** The one line that says what a run verifies, printed before anything else. */
export function describeTarget(target: Omit<ContractTarget, 'baseUrl' | 'kind'> & { baseUrl: string | undefined }): string {
  const where = target.baseUrl === undefined ? 'the mock (@iodm-northbound/mock-server) on a free 127.0.0.1 port' : `provider ${target.baseUrl}`;
  return `Contract target: ${where}, app id ${target.appId}, task id ${target.pagedTaskId}, scenarios ${target.scenarios ? 'on' : 'off'}`;
}

/** Set by the bin once it has printed the target and checked it is reachable (same process as the global setup). */
export const TARGET_CHECKED = Symbol.for('@iodm-northbound/contract-tests:target-checked');
