import { describe, expect, it } from 'vitest';
import { resolveConnection } from '../src/connection/resolve-connection.js';
import { UsageError } from '../src/errors.js';

const files: Record<string, string> = { '/s': 'file-secret\n', '/empty': '\n', '/ca.pem': 'CA', '/c.pem': 'CERT', '/k.pem': 'KEY' };
const readFile = (path: string) => {
  if (!(path in files)) throw Object.assign(new Error('nope'), { code: 'EACCES' });
  return Buffer.from(files[path]!);
};
const base = { baseUrl: 'https://203.0.113.10:8743', appId: 'app' };

function usage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('no usage error');
}

describe('resolveConnection', () => {
  it('takes the secret from --secret-file (trimmed) over NORTHBOUND_SECRET, and reads TLS files', () => {
    expect(resolveConnection({ ...base, secretFile: '/s' }, { NORTHBOUND_SECRET: 'env' }, readFile)).toMatchObject({ secret: 'file-secret', tls: undefined });
    expect(resolveConnection(base, { NORTHBOUND_SECRET: 'env' }, readFile)).toMatchObject({ kind: 'platform', secret: 'env' });
    expect(resolveConnection({ ...base, ca: '/ca.pem', cert: '/c.pem', key: '/k.pem' }, { NORTHBOUND_SECRET: 'e' }, readFile)).toMatchObject({
      tls: { ca: 'CA', cert: 'CERT', key: 'KEY' },
    });
  });

  it('refuses what it cannot use, saying what to do', () => {
    expect(usage(() => resolveConnection({ ...base, secretFile: '/missing' }, {}, readFile))).toBe('--secret-file: cannot read /missing (EACCES)');
    expect(usage(() => resolveConnection({ ...base, secretFile: '/empty' }, {}, readFile))).toMatch(/is empty/);
    expect(usage(() => resolveConnection({ ...base, ca: '/missing' }, { NORTHBOUND_SECRET: 'e' }, readFile))).toMatch(/^--ca: cannot read/);
    expect(usage(() => resolveConnection({ appId: 'a' }, { NORTHBOUND_SECRET: 'e' }, readFile))).toMatch(/no platform/);
    expect(usage(() => resolveConnection({ baseUrl: 'http://x' }, { NORTHBOUND_SECRET: 'e' }, readFile))).toMatch(/NORTHBOUND_APP_ID/);
    expect(usage(() => resolveConnection({ ...base, mock: true }, {}, readFile))).toMatch(/--mock and --base-url exclude each other/);
  });

  it('takes the base URL and application ID from the environment unless a flag gives them', () => {
    const env = { NORTHBOUND_BASE_URL: 'http://env', NORTHBOUND_APP_ID: 'env-app', NORTHBOUND_SECRET: 'e' };
    expect(resolveConnection({}, env, readFile)).toMatchObject({ kind: 'platform', baseUrl: 'http://env', appId: 'env-app' });
    expect(resolveConnection({ baseUrl: 'http://flag', appId: 'flag-app' }, env, readFile)).toMatchObject({ baseUrl: 'http://flag', appId: 'flag-app' });
  });

  it('--mock wins over a base URL from the environment', () => {
    expect(resolveConnection({ mock: true }, { NORTHBOUND_BASE_URL: 'http://env' }, readFile)).toEqual({ kind: 'mock' });
  });
});
