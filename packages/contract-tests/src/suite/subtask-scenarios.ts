// Each named example of the subtask query, through querySubTasks and the Python SDK's call shape,
// and the client's reaction to a rejected token and to throttling.
import { InvalidTokenError, ThrottledError } from '@iodm-northbound/client';
import { expect, it } from 'vitest';
import { ERROR_CLASS_BY_EXAMPLE } from './examples.js';
import { operationsOf, type SuiteContext } from './harness.js';
import { ANY_TASK_ID, LOGIN, SUBTASKS } from './operations.js';

export function defineSubtaskScenarioTests({ examples, harness, rejectionOf }: SuiteContext): void {
  const queryExamples = examples.filter((e) => e.operationId === SUBTASKS);
  const prefer = (key: string) => ({ [SUBTASKS]: `example=${key}` });

  it.each(queryExamples.filter((e) => e.status === 200).map((e) => [e.key, e] as const))(
    'subtask query %s: the client returns the page as sent',
    async (key, example) => {
      const { client, exchanges: own } = harness({ prefer: prefer(key) });
      const page = await client.querySubTasks(ANY_TASK_ID);
      expect(page).toEqual(example.value);
      expect(own.at(-1)!.status).toBe(200);
    },
  );

  it.each(queryExamples.filter((e) => e.status >= 400).map((e) => [e.key, e] as const))(
    'subtask query %s: the client raises its error class',
    async (key, example) => {
      const { client } = harness({ prefer: prefer(key) });
      const error = await rejectionOf(client.querySubTasks(ANY_TASK_ID));
      expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
      expect(error).toMatchObject({
        status: example.status,
        errorCode: example.value.error_code,
        errorDesc: example.value.error_desc,
        operation: SUBTASKS,
      });
    },
  );

  it.each(queryExamples.filter((e) => e.status >= 400).map((e) => [e.key, e] as const))(
    "subtask query %s through the Python SDK's call shape: the same error class",
    async (key, example) => {
      const { client } = harness({ prefer: prefer(key), accessToken: 'f00dfeed' });
      const error = await rejectionOf(client.queryUpgradeSubTask(null, ANY_TASK_ID, 'f00dfeed'));
      expect(error).toBeInstanceOf(ERROR_CLASS_BY_EXAMPLE[key]!);
      expect(error).toMatchObject({ status: example.status, errorCode: example.value.error_code });
    },
  );

  it('a rejected token: the client logs in again once, then gives up with InvalidTokenError', async () => {
    const { client, exchanges: own } = harness({ prefer: prefer('InvalidAccessToken') });
    expect(await rejectionOf(client.querySubTasks(ANY_TASK_ID))).toBeInstanceOf(InvalidTokenError);
    expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, LOGIN, SUBTASKS]);
  });

  it('throttling: the client retries, then raises ThrottledError', async () => {
    const { client, exchanges: own } = harness({ prefer: prefer('AppThrottleExceeded'), client: { maxRetries: 1 } });
    expect(await rejectionOf(client.querySubTasks(ANY_TASK_ID))).toBeInstanceOf(ThrottledError);
    expect(operationsOf(own)).toEqual([LOGIN, SUBTASKS, SUBTASKS]);
  });
}
