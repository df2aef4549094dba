// getAuthToken / refreshAuthToken: the default answer is a freshly minted token pair that
// supersedes the application's earlier tokens (see tokens.ts).
import type { RequestContext } from '../context.js';
import { normaliseDynamicToken } from '../dynamic.js';
import { isObject, type OperationBehaviour } from './behaviour.js';

/** The appId of a login (form field) or a refresh (JSON member), as validated by Prism. */
function requestAppId({ input }: RequestContext): string | undefined {
  const { body } = input;
  let appId: unknown;
  if (typeof body === 'string') appId = new URLSearchParams(body).get('appId');
  else if (isObject(body)) appId = body.appId;
  return typeof appId === 'string' && appId !== '' ? appId : undefined;
}

export const tokenIssue: OperationBehaviour = {
  normalise(body, context, { dynamic, byScenario }) {
    if (dynamic) return normaliseDynamicToken(body);
    const appId = requestAppId(context);
    if (byScenario || appId === undefined || !isObject(body)) return body;
    return { ...body, ...context.state.tokens.issue(appId) };
  },
};
