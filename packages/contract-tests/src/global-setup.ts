// vitest globalSetup of the contract suite: starts the mock on a free loopback port, unless
// NORTHBOUND_BASE_URL names a provider to verify, and makes the target known to every test file.
// It says first what it verifies, and checks a provider answers at all before any test runs.
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startMockServer } from '@iodm-northbound/mock-server';
import { assertTaskPages } from './paging-check.js';
import { assertReachable } from './reachability.js';
import { contractTargetFromEnv, describeTarget, TARGET_CHECKED, type ContractTarget } from './target.js';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const fromEnv = contractTargetFromEnv();
  const checkedByBin = (globalThis as Record<symbol, unknown>)[TARGET_CHECKED] === true;
  if (fromEnv.baseUrl !== undefined) {
    if (!checkedByBin) {
      process.stdout.write(`${describeTarget(fromEnv)}\n`);
      await assertReachable(fromEnv.baseUrl);
      await assertTaskPages({ ...fromEnv, baseUrl: fromEnv.baseUrl });
    }
    const target: ContractTarget = { ...fromEnv, baseUrl: fromEnv.baseUrl, kind: 'provider' };
    project.provide('northboundContractTarget', target);
    return undefined;
  }
  if (!checkedByBin) process.stdout.write(`${describeTarget(fromEnv)}\n`);
  const mock = await startMockServer();
  process.stdout.write(`Mock started at ${mock.url}\n`);
  project.provide('northboundContractTarget', { ...fromEnv, baseUrl: mock.url, kind: 'mock' });
  return async () => {
    await mock.close();
    // The run fails if the mock kept its port: nothing may outlive the suite.
    if (!(await canListen(mock.port))) throw new Error(`the mock on port ${mock.port} is still listening after close()`);
  };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
