// Flags and environment → where to connect. Every problem here is a usage error (exit 2).
import { readFileSync } from 'node:fs';
import type { PlatformConnection } from '../api/client-api.js';
import { UsageError } from '../errors.js';
import type { ConnectionFlags } from './connection-options.js';

export type Connection = ({ readonly kind: 'platform' } & PlatformConnection) | { readonly kind: 'mock' };

type ReadFile = (path: string) => Buffer;

export function resolveConnection(flags: ConnectionFlags, env: Readonly<Record<string, string | undefined>>, readFile: ReadFile = readFileSync): Connection {
  if (flags.mock) {
    // Only the flag conflicts: a NORTHBOUND_BASE_URL left in the environment does not.
    if (flags.baseUrl !== undefined) throw new UsageError('--mock and --base-url exclude each other');
    return { kind: 'mock' };
  }
  const baseUrl = flags.baseUrl ?? env.NORTHBOUND_BASE_URL;
  if (baseUrl === undefined || baseUrl === '') throw new UsageError('no platform: give --base-url or set NORTHBOUND_BASE_URL (or use --mock)');
  if (!/^https?:\/\/[^/]/i.test(baseUrl) || !URL.canParse(baseUrl)) throw new UsageError(`--base-url: not an http(s) URL: ${baseUrl}`);
  const appId = flags.appId ?? env.NORTHBOUND_APP_ID;
  if (appId === undefined || appId === '') throw new UsageError('no application ID: set NORTHBOUND_APP_ID or give --app-id');
  const secret = flags.secretFile !== undefined ? readText('--secret-file', flags.secretFile, readFile).trim() : env.NORTHBOUND_SECRET;
  if (secret === undefined || secret === '') {
    throw new UsageError(flags.secretFile !== undefined ? `--secret-file ${flags.secretFile} is empty` : 'no secret: set NORTHBOUND_SECRET or give --secret-file <path>');
  }
  if ((flags.cert === undefined) !== (flags.key === undefined)) throw new UsageError('--cert and --key go together');
  const tls = {
    ...(flags.ca !== undefined ? { ca: readText('--ca', flags.ca, readFile) } : {}),
    ...(flags.cert !== undefined ? { cert: readText('--cert', flags.cert, readFile) } : {}),
    ...(flags.key !== undefined ? { key: readText('--key', flags.key, readFile) } : {}),
  };
  return { kind: 'platform', baseUrl, appId, secret, tls: Object.keys(tls).length > 0 ? tls : undefined };
}

function readText(flag: string, path: string, readFile: ReadFile): string {
  try {
    return readFile(path).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${flag}: cannot read ${path} (${code})`);
  }
}
