// The upgrade-task operations over the instance's TaskStore: a create starts a live campaign of
// the simulator; the task and the list read the same store, so they agree with the subtasks.
import type { CreateTaskRequest, OperateType } from '../simulation/index.js';
import { pageQueryOf, rehearsedError, simulationRejection, stringFilters, type OperationBehaviour } from './behaviour.js';

const TASK_FILTERS = ['operationType', 'operationStatus', 'deviceType', 'model', 'manufacturerName', 'deviceId'] as const;

function taskCreate(operateType: OperateType): OperationBehaviour {
  return {
    produce(context) {
      // Prism validated the body against CreateUpgradeTaskInDTO (the SDK's nulls included).
      const request = context.input.body as CreateTaskRequest;
      // Inferred: 123002 when the package does not exist (its documented meaning).
      if (!context.state.packages.get(request.fileId)) return { exampleKey: 'PackageNotFound', note: `no package ${request.fileId}` };
      try {
        const created = context.state.tasks.create(operateType, request);
        return { statusCode: 200, body: created, note: `created ${operateType} task ${created.operationId}` };
      } catch (error) {
        return simulationRejection(error);
      }
    },
  };
}

export const firmwareTaskCreate = taskCreate('firmware_upgrade');
export const softwareTaskCreate = taskCreate('software_upgrade');

export const taskQuery: OperationBehaviour = {
  produce(context) {
    const operationId = context.pathParams.operationId!;
    const rehearsed = rehearsedError(context, operationId);
    if (rehearsed) return rehearsed;
    const task = context.state.tasks.get(operationId);
    return task ? { statusCode: 200, body: task, note: `task ${operationId}` } : { exampleKey: 'TaskNotFound', note: `no task ${operationId}` };
  },
};

export const taskList: OperationBehaviour = {
  produce(context) {
    const { pageNo, pageSize } = pageQueryOf(context, 'operationStatus');
    try {
      const page = context.state.tasks.list(stringFilters(context, TASK_FILTERS), { pageNo, pageSize });
      return { statusCode: 200, body: page, note: `${page.totalCount} tasks (page ${pageNo})` };
    } catch (error) {
      return simulationRejection(error);
    }
  },
};
