// The live mock every printed command runs against, and where the commands run.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@iodm-northbound/mock-server';
import { afterAll, beforeAll, expect } from 'vitest';
import { linkWorkspaceBins } from '../../link-bins.mjs';
import type { PrintedCommand } from '../src/markdown-commands.mjs';
import { repoRoot, runPrinted, substitutions } from '../src/run-printed.mjs';

export const APP_ID = '3RQ9UnhymV409MfKPuiin75XroQa';
export const SECRET = '9zsPMbVqUe6pQe4eaWHG8DaeR6oa';
/** At this speed and seed campaign-3 has ended, every subtask a success, before any command reads it. */
const SIMULATION = { speed: 100_000, seed: 1 };
/** Exit codes that are an answer, not a failure: watch says 1 when any subtask failed. */
const ANSWER_EXITS: ReadonlyArray<[RegExp, number[]]> = [[/\bwatch\b/, [0, 1]]];

interface Live {
  mock: MockServer;
  cwd: string;
}

/** Starts the mock on 127.0.0.1:0 and links the workspace bins as `npm start` does after its build. */
export function useLiveMock(): () => Live {
  let live: Live | undefined;
  beforeAll(async () => {
    await linkWorkspaceBins();
    // A reader's folder with the packages installed: the repository's node_modules. npm exec runs
    // its command here (inside a workspace it would run in the workspace's folder).
    const cwd = await mkdtemp(join(tmpdir(), 'printed-commands-'));
    await symlink(join(repoRoot, 'node_modules'), join(cwd, 'node_modules'));
    live = { mock: await startMockServer({ port: 0, simulation: SIMULATION }), cwd };
  });
  afterAll(async () => {
    await live?.mock.close();
    if (live) await rm(live.cwd, { recursive: true, force: true });
  });
  return () => {
    if (!live) throw new Error('the live mock is not started');
    return live;
  };
}

/** Runs a printed command against the live mock and checks it ran: exit 0 (or an answer exit), every placeholder filled. */
export async function expectRuns(live: Live, command: Pick<PrintedCommand, 'text' | 'exports'>, serves = false, appId = APP_ID): Promise<string> {
  const fills = substitutions({ url: live.mock.url, secret: SECRET, operationId: 'campaign-3', fileId: '5bd7e1a2c3f40001a2b3c4d5', deviceId: 'meter-0001' });
  const env = { NORTHBOUND_BASE_URL: live.mock.url, NORTHBOUND_APP_ID: appId, NORTHBOUND_SECRET: SECRET };
  const result = await runPrinted(command, { cwd: live.cwd, env, substitutions: fills, serves });
  const report = `$ ${result.script}\n${result.output}`;
  expect(result.script.match(/<[A-Za-z][\w-]*>/g) ?? [], `a placeholder no substitution fills:\n${report}`).toEqual([]);
  expect(result.leftBehind, `it left a process running:\n${report}`).toBe(false);
  if (serves) {
    expect(result.output, `it never printed its address:\n${report}`).toMatch(/https?:\/\/[\w.-]+:\d+/);
    // Stopped by Ctrl-C: exit 0 or 130, or npm exec passing the SIGINT on.
    expect(result.code === 0 || result.code === 130 || result.signal === 'SIGINT', `it did not stop cleanly on Ctrl-C (${result.code ?? result.signal}):\n${report}`).toBe(true);
    return result.output;
  }
  const allowed = ANSWER_EXITS.find(([pattern]) => pattern.test(command.text))?.[1] ?? [0];
  expect(allowed, `exit ${result.code ?? result.signal}:\n${report}`).toContain(result.code);
  return result.output;
}
