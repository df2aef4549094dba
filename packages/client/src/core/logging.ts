// The logger hook. Entries carry no headers and no bodies, and every string in them passes the
// Redactor, so a logger never sees the access token, the refresh token or the secret.
import type { NorthboundOperation } from './errors.js';
import type { Redactor } from './redact.js';

export type NorthboundLogLevel = 'debug' | 'info' | 'warn' | 'error';
export type NorthboundLogEvent = 'request' | 'response' | 'retry' | 'login' | 'refresh' | 'reauthenticate' | 'failure';

export interface NorthboundLogEntry {
  level: NorthboundLogLevel;
  event: NorthboundLogEvent;
  message: string;
  operation?: NorthboundOperation;
  method?: string;
  /** Request URL (path and query; credentials never travel in it). */
  url?: string;
  status?: number;
  errorCode?: string;
  /** 0 for the first attempt, 1 for the first retry… */
  attempt?: number;
  durationMs?: number;
  delayMs?: number;
}

export type NorthboundLogger = (entry: NorthboundLogEntry) => void;

export type LogFields = Omit<NorthboundLogEntry, 'level' | 'event'>;
export type LogSink = (level: NorthboundLogLevel, event: NorthboundLogEvent, fields: LogFields) => void;

export function createLogSink(logger: NorthboundLogger | undefined, redactor: Redactor): LogSink | undefined {
  if (!logger) return undefined;
  return (level, event, fields) => {
    const entry: NorthboundLogEntry = { level, event, ...fields, message: redactor.redact(fields.message) };
    if (entry.url !== undefined) entry.url = redactor.redact(entry.url);
    if (entry.errorCode !== undefined) entry.errorCode = redactor.redact(entry.errorCode);
    try {
      logger(entry);
    } catch {
      // A failing logger must not fail the call it reports on.
    }
  };
}

export const silentLogSink: LogSink = () => {};
