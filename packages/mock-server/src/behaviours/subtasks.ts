// queryUpgradeSubTask: a simulated task's subtasks as they are now; `paged-<N>` a deterministic
// task of N subtasks; any other operationId the spec's examples (the mock's stateless default).
import { normaliseDynamicPage } from '../dynamic.js';
import { pagedTaskPage, pagedTaskSize } from '../paged-task.js';
import { pageQueryOf, simulationRejection, type OperationBehaviour } from './behaviour.js';

export const subtaskQuery: OperationBehaviour = {
  produce(context) {
    const taskId = context.pathParams.operationId!;
    const page = pageQueryOf(context);
    try {
      const simulated = context.state.tasks.subtasks(taskId, page);
      if (simulated) return { statusCode: 200, body: simulated, note: `simulated task of ${simulated.totalCount} matching (page ${page.pageNo})` };
    } catch (error) {
      return simulationRejection(error);
    }
    const size = pagedTaskSize(taskId);
    if (size === undefined) return undefined;
    return { statusCode: 200, body: pagedTaskPage(taskId, size, page), note: `paged task of ${size} (page ${page.pageNo})` };
  },
  normalise: (body, context, { dynamic }) => (dynamic ? normaliseDynamicPage(body, pageQueryOf(context)) : body),
};
