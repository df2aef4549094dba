// queryUpgradeSubTask: a simulated task's subtasks as they are now; `paged-<N>` a deterministic
// task of N subtasks; the spec's example tasks the spec's example pages; `error-<code>` that
// documented error; any other operationId 404/123009, as the platform answers a task it does not
// have (and as queryUpgradeTask does).
import { normaliseDynamicPage } from '../dynamic.js';
import { pagedTaskPage, pagedTaskSize } from '../paged-task.js';
import { pageQueryOf, rehearsedError, simulationRejection, type OperationBehaviour } from './behaviour.js';

export const subtaskQuery: OperationBehaviour = {
  produce(context) {
    const taskId = context.pathParams.operationId!;
    const rehearsed = rehearsedError(context, taskId);
    if (rehearsed) return rehearsed;
    const page = pageQueryOf(context);
    try {
      const simulated = context.state.tasks.subtasks(taskId, page);
      if (simulated) return { statusCode: 200, body: simulated, note: `simulated task of ${simulated.totalCount} matching (page ${page.pageNo})` };
    } catch (error) {
      return simulationRejection(error);
    }
    const size = pagedTaskSize(taskId);
    if (size !== undefined) return { statusCode: 200, body: pagedTaskPage(taskId, size, page), note: `paged task of ${size} (page ${page.pageNo})` };
    // An example task: Prism serves the spec's example pages (or generates one in dynamic mode).
    if (context.state.tasks.get(taskId) !== undefined) return undefined;
    return { exampleKey: 'TaskNotFound', note: `no task ${taskId}` };
  },
  normalise: (body, context, { dynamic }) => (dynamic ? normaliseDynamicPage(body, pageQueryOf(context)) : body),
};
