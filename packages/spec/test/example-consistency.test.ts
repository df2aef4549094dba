// The spec's examples tell one story, because the mock serves them and the docs show them side by
// side: a package is uploaded, a task is created from it, the task shows up in the task list and
// its subtasks are its devices. Each test is one link of that story between two operations.
import { describe, expect, it } from 'vitest';
import spec from '@iodm-northbound/spec';

type Json = Record<string, any>;
const base = '/iodm/northbound/v1.5.0';

/** Follows a local `$ref` of the bundled document (every $ref there points inside it). */
function resolve(node: Json): Json {
  if (typeof node?.$ref !== 'string') return node;
  return resolve(node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at?.[key], spec as Json));
}

function operation(path: string, method: string): Json {
  const found = (spec.paths[`${base}${path}`] as Json | undefined)?.[method];
  if (found === undefined) throw new Error(`no ${method.toUpperCase()} ${base}${path} in the spec`);
  return found;
}

/** The named example values of an operation's JSON response for one status. */
function responseExamples(path: string, method: string, status = '200'): Record<string, Json> {
  const media = resolve(operation(path, method).responses?.[status])?.content?.['application/json'];
  return Object.fromEntries(Object.entries(media?.examples ?? {}).map(([name, example]) => [name, resolve(example as Json).value]));
}

function requestExamples(path: string): Record<string, Json> {
  const media = resolve(operation(path, 'post').requestBody)?.content?.['application/json'];
  return Object.fromEntries(Object.entries(media?.examples ?? {}).map(([name, example]) => [name, resolve(example as Json).value]));
}

/** The one example an operation's answer must have under that name. */
function example(path: string, method: string, name: string): Json {
  const value = responseExamples(path, method)[name];
  if (value === undefined) throw new Error(`${method.toUpperCase()} ${path} has no 200 example ${name}`);
  return value;
}

const taskPages = () => responseExamples('/operations', 'get');
const allTasks = () => example('/operations', 'get', 'TasksFirstPage').data as Json[];
const allPackages = () => example('/category', 'get', 'PackagesFirstPage').data as Json[];

const creations = [
  { path: '/operations/firmwareUpgrade', operateType: 'firmware_upgrade', fileType: 'firmwarePackage' },
  { path: '/operations/softwareUpgrade', operateType: 'software_upgrade', fileType: 'softwarePackage' },
];

describe('pages of examples', () => {
  const lists = [
    { path: '/category', label: 'package list' },
    { path: '/operations', label: 'task list' },
    { path: '/operations/{operationId}/subOperations', label: 'subtask list' },
  ];
  it.each(lists)('every $label page holds at most pageSize records, and an empty page lies past totalCount', ({ path }) => {
    const pages = Object.entries(responseExamples(path, 'get'));
    expect(pages.length).toBeGreaterThan(0);
    for (const [name, page] of pages) {
      expect(page.data.length, `${name}: data beyond pageSize`).toBeLessThanOrEqual(page.pageSize);
      expect(page.data.length, `${name}: data beyond totalCount`).toBeLessThanOrEqual(page.totalCount);
      if (page.data.length === 0) expect(page.pageNo * page.pageSize, `${name}: an empty page before the last record`).toBeGreaterThanOrEqual(page.totalCount);
      if (page.pageNo === 0 && page.totalCount <= page.pageSize) expect(page.data.length, `${name}: the only page misses records`).toBe(page.totalCount);
    }
  });
});

describe('version packages', () => {
  it('each single-package example is a package of the list, field for field', () => {
    const singles = Object.entries(responseExamples('/category/{fileId}', 'get'));
    expect(singles.length).toBeGreaterThan(0);
    for (const [name, single] of singles) {
      expect(allPackages().find((entry) => entry.fileId === single.fileId), `${name} in PackagesFirstPage`).toEqual(single);
    }
  });

  it('the firmware-only page holds exactly the firmware packages of the list', () => {
    const firmware = allPackages().filter((entry) => entry.fileType === 'firmwarePackage');
    expect(example('/category', 'get', 'PackagesFirmwareOnly').data).toEqual(firmware);
  });
});

describe('creating a task', () => {
  it.each(creations)('$path: every request installs a package of the list of the matching type', ({ path, fileType }) => {
    const requests = Object.entries(requestExamples(path));
    expect(requests.length).toBeGreaterThan(0);
    for (const [name, request] of requests) {
      const target = allPackages().find((entry) => entry.fileId === request.fileId);
      expect(target?.fileType, `${name}: package ${request.fileId}`).toBe(fileType);
    }
  });

  it.each(creations)('$path: the created task is in the task list, with the type, targets and version asked for', ({ path, operateType }) => {
    const [request] = Object.values(requestExamples(path));
    const created = Object.values(responseExamples(path, 'post'));
    expect(created.length).toBe(1);
    const task = allTasks().find((entry) => entry.operationId === created[0]!.operationId);
    expect(task, `task ${created[0]!.operationId} in TasksFirstPage`).toBeDefined();
    expect(task!.operateType).toBe(operateType);
    // The SDK sends unset target fields as null; the platform's task lists only the ones set.
    const askedTargets = Object.fromEntries(Object.entries(request!.targets).filter(([, value]) => value !== null));
    expect(task!.targets).toEqual(askedTargets);
    const installed = allPackages().find((entry) => entry.fileId === request!.fileId);
    expect(task!.extendPara?.fileVersion).toBe(installed?.version);
  });
});

describe('tasks', () => {
  it('each single-task example is a task of the list, field for field', () => {
    const singles = Object.entries(responseExamples('/operations/{operationId}', 'get'));
    expect(singles.length).toBeGreaterThan(0);
    for (const [name, single] of singles) {
      expect(allTasks().find((entry) => entry.operationId === single.operationId), `${name} in TasksFirstPage`).toEqual(single);
    }
  });

  it('the failed-only page holds exactly the tasks of the list whose status is `failed`', () => {
    expect(taskPages().TasksFailedOnly!.data).toEqual(allTasks().filter((entry) => entry.status === 'failed'));
  });

  it('every task counts its subtasks: total is the sum of the status counters', () => {
    for (const task of allTasks()) {
      const { total, ...counters } = task.staResult;
      expect(Object.values(counters).reduce((sum: number, count) => sum + (count as number), 0), task.operationId).toBe(total);
    }
  });
});

describe('subtasks', () => {
  // The subtask examples are served for any operationId; they belong to the task the operationId example names.
  const subtasks = () => example('/operations/{operationId}/subOperations', 'get', 'SubtasksFirstPage').data as Json[];
  const task = () => allTasks().find((entry) => entry.operationId === (spec.components?.parameters?.operationId as Json | undefined)?.example);

  it('are the devices of the task the operationId example names, one each', () => {
    expect(task(), 'the operationId example is a task of the list').toBeDefined();
    expect(subtasks().map((subtask) => subtask.deviceId).sort()).toEqual([...task()!.targets.devices].sort());
    expect(new Set(subtasks().map((subtask) => subtask.operateType))).toEqual(new Set([task()!.operateType]));
  });

  it("match the task's counters (the subtask status and the counter both spell `fail`)", () => {
    const counted = { wait: 0, processing: 0, success: 0, fail: 0, stop: 0 } as Record<string, number>;
    for (const subtask of subtasks()) counted[subtask.status] = (counted[subtask.status] ?? 0) + 1;
    const { total, timeout: _timeout, ...counters } = task()!.staResult;
    expect(total).toBe(subtasks().length);
    expect(counters).toEqual(counted);
  });
});
