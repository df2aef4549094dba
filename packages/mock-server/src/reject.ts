// The reject step: whether the platform would refuse the request, and why. One ordered list of
// checks, the first refusal wins, in the platform's order (credentials before the query). A new
// check (e.g. a per-app_key throttle) is one more entry in REJECTION_CHECKS.
import type { RequestContext } from './context.js';
import type { HeaderMap } from './http.js';
import { inputRejection, securityRejection, type Rejection } from './platform.js';
import type { HttpOperation } from './spec.js';
import type { TokenLedger } from './tokens.js';
import { throttleProblem } from './traffic/throttle.js';

/** One check of the reject step: why the platform would refuse the request, or undefined. */
type RejectionCheck = (context: RequestContext) => Rejection | undefined;

/** Missing or malformed credentials (Prism's security check, made as strict as the platform). */
const credentials: RejectionCheck = ({ loaded, call, diagnostics }) => securityRejection(loaded.operation, call.headers, diagnostics);

/** A well-formed token this mock issued but has since superseded, or issued to another app. */
const issuedToken: RejectionCheck = ({ loaded, call, state }) => {
  const problem = issuedTokenProblem(state.tokens, loaded.operation, call.headers);
  return problem ? { reason: 'security', details: [problem] } : undefined;
};

/**
 * The application's flow control (`throttle`): counted for every call with well-formed credentials,
 * at the moment it is checked; over the budget, 403/1010009.
 */
const flowControl: RejectionCheck = ({ loaded, call, state: { throttle } }) => {
  const appKey = throttle ? appKeyOf(loaded.operation, call.headers) : undefined;
  const problem = throttle && appKey !== undefined ? throttleProblem(throttle, appKey) : undefined;
  return problem ? { reason: 'throttled', details: [problem] } : undefined;
};

/** The query and body as Prism validated them, plus what the mock's own query reading found. */
const input: RejectionCheck = ({ diagnostics, query }) => inputRejection(diagnostics, query.problems);

/** A path that is not valid percent-encoding, or a body that could not be read. */
const pathAndBody: RejectionCheck = ({ call }) => {
  const problem = call.pathProblem ?? call.bodyProblem;
  return problem ? { reason: 'invalid', details: [problem] } : undefined;
};

// Flow control before the newest-token rule: the budget is the application's (its app_key), so a
// call with a superseded token spends it too (inferred; this is what makes a login storm also a
// 1010009 storm).
const REJECTION_CHECKS: readonly RejectionCheck[] = [credentials, flowControl, issuedToken, input, pathAndBody];

export function rejectRequest(context: RequestContext): Rejection | undefined {
  for (const check of REJECTION_CHECKS) {
    const rejection = check(context);
    if (rejection) return rejection;
  }
  return undefined;
}

/**
 * Why the platform would refuse the request's token although it is well formed: this mock issued
 * it, and since then issued a newer one to the same application, or issued it to another one.
 * Tokens the mock never issued pass (see TokenLedger).
 */
function issuedTokenProblem(ledger: TokenLedger, operation: HttpOperation, headers: HeaderMap): string | undefined {
  const appKey = appKeyOf(operation, headers);
  const token = /^Bearer +(\S+)$/.exec(firstValue(headers.authorization)?.trim() ?? '')?.[1];
  if (!appKey || token === undefined) return undefined;
  const problem = ledger.check(appKey, token);
  if (problem === 'superseded token') return `${problem}: a newer access token was issued to app_key ${appKey} since`;
  if (problem === 'token issued to another application') return `${problem}: the access token was not issued to app_key ${appKey}`;
  return undefined;
}

/** The lower-case app_key header of each operation with security; null for one without. Read once per operation. */
const appKeyHeaders = new WeakMap<HttpOperation, string | null>();

function appKeyHeaderOf(operation: HttpOperation): string | null {
  let header = appKeyHeaders.get(operation);
  if (header === undefined) {
    const schemes = (operation.security ?? []).flat();
    header = schemes.length === 0 ? null : 'app_key';
    for (const scheme of schemes) if (scheme.type === 'apiKey' && scheme.in === 'header') header = scheme.name.toLowerCase();
    appKeyHeaders.set(operation, header);
  }
  return header;
}

/** The app_key an operation with security sends (its apiKey header), or undefined. */
function appKeyOf(operation: HttpOperation, headers: HeaderMap): string | undefined {
  const header = appKeyHeaderOf(operation);
  return header === null ? undefined : firstValue(headers[header])?.trim() || undefined;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
