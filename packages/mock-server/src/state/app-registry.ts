// The applications a mock instance knows, when it was given `apps`: a login or refresh with an
// appId it does not know or a wrong secret is refused, so a team can rehearse a rotated secret.
// Without `apps` there is no registry and any appId and secret log in.
import { MockServerOptionsError } from '../errors.js';
import type { MockApp } from '../types.js';

/** Why a login or refresh is refused: the spec's example of the platform's answer to it. */
type AppRefusal = 'AppIdOrSecretWrong' | 'ApplicationFrozen';

export class AppRegistry {
  readonly #apps: ReadonlyMap<string, MockApp>;

  constructor(apps: readonly MockApp[]) {
    this.#apps = new Map(apps.map((app) => [app.appId, app]));
  }

  /** The refusal of a login or refresh with these credentials, or undefined when they log in. */
  check(appId: string | undefined, secret: string | undefined): AppRefusal | undefined {
    const app = appId === undefined ? undefined : this.#apps.get(appId);
    if (app === undefined || app.secret !== secret) return 'AppIdOrSecretWrong';
    return app.frozen === true ? 'ApplicationFrozen' : undefined;
  }
}

/** The `apps` option checked: one entry per appId, each a non-empty appId and secret. */
export function checkAppsOption(value: unknown): readonly MockApp[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) throw new MockServerOptionsError('apps', 'must be a non-empty array of { appId, secret } (leave it out to let any secret log in)');
  const seen = new Set<string>();
  return value.map((entry: unknown, index) => {
    const { appId, secret, frozen } = (entry ?? {}) as Record<string, unknown>;
    if (typeof appId !== 'string' || appId === '' || typeof secret !== 'string' || secret === '') {
      throw new MockServerOptionsError(`apps[${index}]`, 'must have a non-empty appId and secret');
    }
    if (frozen !== undefined && typeof frozen !== 'boolean') throw new MockServerOptionsError(`apps[${index}].frozen`, 'must be true or false');
    if (seen.has(appId)) throw new MockServerOptionsError(`apps[${index}]`, `appId ${appId} is registered twice`);
    seen.add(appId);
    return { appId, secret, ...(frozen === true && { frozen }) };
  });
}
