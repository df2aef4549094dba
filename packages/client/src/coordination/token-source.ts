// Which token source a client with a secret gets: its own (single-flight in this process), or
// the coordinator's (shared by every process of the application).
import { ManagedTokenSource, type TokenSource } from '../internal/token-sources.js';
import { checkCoordinator } from './call-gate.js';
import type { TokenSourceContext } from './types.js';

export function createTokenSource(coordinator: unknown, context: TokenSourceContext): TokenSource {
  const shared = checkCoordinator(coordinator);
  return shared ? shared.createTokenSource(context) : new ManagedTokenSource(context.endpoints, context.redactor, context.log);
}
