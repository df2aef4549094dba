// `baseUrl` is checked once, when the client is created: a value that cannot work fails there,
// with a message that never repeats a user name or password written into it.
import { ValidationError } from '../core/errors.js';

/** The value as it may be shown: any `user:password@` before the host taken out. */
function withoutCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i, '$1');
}

function invalid(value: string, problem: string): ValidationError {
  const hint = value.includes('://') ? '' : ' (did you mean https://…?)';
  return new ValidationError('baseUrl', `baseUrl ${JSON.stringify(withoutCredentials(value))} ${problem}${hint}`, null);
}

export function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string') throw new ValidationError('baseUrl', `baseUrl must be a string like https://203.0.113.10:8743`, null);
  if (baseUrl !== baseUrl.trim()) throw invalid(baseUrl.trim(), 'has spaces or line breaks around it');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalid(baseUrl, 'is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(baseUrl, 'is not an http(s) URL');
  if (url.username !== '' || url.password !== '' || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(baseUrl)) {
    throw invalid(baseUrl, 'must not hold a user name or password (the platform authenticates with appId and secret)');
  }
  // A bare `?` or `#` leaves url.search/url.hash empty but still cuts the request path short.
  if (baseUrl.includes('?') || baseUrl.includes('#')) throw invalid(baseUrl, 'must not have a query or fragment');
  return baseUrl.replace(/\/+$/, '');
}
