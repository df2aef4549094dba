// The version-package operations over the instance's PackageStore: the list and one package read
// it, a delete removes from it (then 404/123002 for that fileId, on this instance only);
// `error-<code>` answers that documented error.
import { pageOf } from '../paging.js';
import { pageQueryOf, rehearsedError, stringFilters, type OperationBehaviour } from './behaviour.js';

const PACKAGE_FILTERS = ['fileType', 'deviceType', 'model', 'manufacturerName', 'version'] as const;

export const packageList: OperationBehaviour = {
  produce(context) {
    const { pageNo, pageSize } = pageQueryOf(context);
    const matching = context.state.packages.list(stringFilters(context, PACKAGE_FILTERS));
    const body = pageOf(matching, { pageNo, pageSize });
    return { statusCode: 200, body, note: `${matching.length} packages (page ${pageNo})` };
  },
};

export const packageQuery: OperationBehaviour = {
  produce(context) {
    const fileId = context.pathParams.fileId!;
    const rehearsed = rehearsedError(context, fileId);
    if (rehearsed) return rehearsed;
    const found = context.state.packages.get(fileId);
    return found ? { statusCode: 200, body: found, note: `package ${fileId}` } : { exampleKey: 'PackageNotFound', note: `no package ${fileId}` };
  },
};

export const packageDelete: OperationBehaviour = {
  produce(context) {
    const fileId = context.pathParams.fileId!;
    const rehearsed = rehearsedError(context, fileId);
    if (rehearsed) return rehearsed;
    // The platform answers a delete with 200 and no body.
    if (context.state.packages.delete(fileId)) return { statusCode: 200, note: `deleted package ${fileId}` };
    return { exampleKey: 'PackageNotFound', note: `no package ${fileId}` };
  },
};
