// Each named example of login and of refresh, and what the client does with it. Refresh examples
// are reached by moving the clock to just before the token expires, so the client refreshes.
import { ApplicationFrozenError, type NorthboundClient } from '@iodm-northbound/client';
import { expect, it, vi } from 'vitest';
import type { RecordedExchange } from '../recording-fetch.js';
import { ERROR_CLASS_BY_EXAMPLE } from './examples.js';
import { operationsOf, type SuiteContext } from './harness.js';
import { ANY_TASK_ID, LOGIN, NEARLY_EXPIRED_MS, REFRESH, SUBTASKS } from './operations.js';
import { platformError } from './platform-errors.js';
import type { Json } from '../schema.js';

type RefreshCase = (client: NorthboundClient, own: RecordedExchange[]) => Promise<void>;

export function defineLoginScenarioTests({ examples, harness, rejectionOf }: SuiteContext): void {
  const loginExamples = examples.filter((e) => e.operationId === LOGIN);

  it.each(loginExamples.map((e) => [e.key, e] as const))('login %s: the client acts on it', async (key, example) => {
    const { client, exchanges: own } = harness({ prefer: { [LOGIN]: `example=${key}` } });
    if (example.status === 200) {
      await client.querySubTasks(ANY_TASK_ID);
      expect(own[1]!.requestHeaders.get('authorization')).toBe(`Bearer ${example.value.accessToken}`);
      return;
    }
    const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
    expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
    // Reported against the call that waited for the token, the login's own error as its cause.
    expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: SUBTASKS });
    expect(error.cause).toMatchObject({ status: example.status, errorCode: example.value.error_code, operation: LOGIN });
    expect(operationsOf(own)).toEqual([LOGIN]);
  });
}

export function defineRefreshScenarioTests({ target, examples, exampleValue, harness, rejectionOf }: SuiteContext): void {
  const refreshExamples = examples.filter((e) => e.operationId === REFRESH);

  /** Logs in and queries once, then moves the clock to just before the token expires. */
  async function nearlyExpired(prefer: Record<string, string>) {
    const { client, exchanges: own } = harness({ prefer });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    await client.querySubTasks(ANY_TASK_ID);
    vi.setSystemTime(Date.now() + NEARLY_EXPIRED_MS);
    return { client, own };
  }

  const refreshCases: Record<string, RefreshCase> = {
    TokenIssued: async (client, own) => {
      await client.querySubTasks(ANY_TASK_ID);
      expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH, SUBTASKS]);
      expect(JSON.parse(own[2]!.requestBody!)).toEqual({
        appId: target.appId,
        secret: target.secret,
        refreshToken: (own[0]!.body as Json).refreshToken,
      });
      expect(own[3]!.requestHeaders.get('authorization')).toBe(`Bearer ${exampleValue('TokenIssued').accessToken}`);
    },
    ApplicationFrozen: async (client, own) => {
      const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
      expect(error).toBeInstanceOf(ApplicationFrozenError);
      expect(error).toMatchObject({ ...platformError('100247'), operation: SUBTASKS });
      expect(error.cause).toMatchObject({ ...platformError('100247'), operation: REFRESH });
      expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH]);
    },
    RequiredParameterEmpty: async (client, own) => {
      // A refresh the platform will not take: the client starts over with a login.
      await client.querySubTasks(ANY_TASK_ID);
      expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH, LOGIN, SUBTASKS]);
    },
    AppIdOrSecretWrong: async (client, own) => {
      // Refused credentials on a refresh: the client starts over with a login (which the scenario leaves alone).
      await client.querySubTasks(ANY_TASK_ID);
      expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH, LOGIN, SUBTASKS]);
    },
    InternalServerError: async (client, own) => {
      // A passing failure: the current token is still valid, so the query goes ahead with it.
      await client.querySubTasks(ANY_TASK_ID);
      expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, REFRESH, SUBTASKS]);
      expect(own[3]!.requestHeaders.get('authorization')).toBe(own[1]!.requestHeaders.get('authorization'));
    },
  };

  it('every refresh example has a case below', () => {
    expect(refreshExamples.map((e) => e.key).sort()).toEqual(Object.keys(refreshCases).sort());
  });

  it.each(refreshExamples.map((e) => [e.key] as const))('refresh %s: the client acts on it', async (key) => {
    const { client, own } = await nearlyExpired({ [REFRESH]: `example=${key}` });
    await refreshCases[key]!(client, own);
  });
}
