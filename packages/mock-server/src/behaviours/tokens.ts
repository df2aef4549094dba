// getAuthToken / refreshAuthToken: the default answer is a freshly minted token pair that
// supersedes the application's earlier tokens (see tokens.ts); with registered `apps`, an appId
// the mock does not know or a wrong secret is refused first (see state/app-registry.ts).
import type { RequestContext } from '../context.js';
import { normaliseDynamicToken } from '../dynamic.js';
import { isObject, type OperationBehaviour } from './behaviour.js';

/** A field of a login (form) or a refresh (JSON body), as validated by Prism. */
function requestField({ input }: RequestContext, name: 'appId' | 'secret'): string | undefined {
  const { body } = input;
  let value: unknown;
  if (typeof body === 'string') value = new URLSearchParams(body).get(name);
  else if (isObject(body)) value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const tokenIssue: OperationBehaviour = {
  produce(context) {
    if (!context.state.apps) return undefined;
    const appId = requestField(context, 'appId');
    const refusal = context.state.apps.check(appId, requestField(context, 'secret'));
    return refusal && { exampleKey: refusal, note: `refused app ${appId ?? '(none)'}` };
  },
  normalise(body, context, { dynamic, byScenario }) {
    if (dynamic) return normaliseDynamicToken(body);
    const appId = requestField(context, 'appId');
    if (byScenario || appId === undefined || !isObject(body)) return body;
    return { ...body, ...context.state.tokens.issue(appId) };
  },
};
