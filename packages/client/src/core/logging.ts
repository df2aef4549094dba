// The logger hook's types. Entries carry no headers and no bodies, and every string in them
// passes the Redactor (internal/log-sink.ts), so a logger never sees a token or the secret.
import type { NorthboundOperation } from './errors.js';

export type NorthboundLogLevel = 'debug' | 'info' | 'warn' | 'error';
export type NorthboundLogEvent = 'request' | 'response' | 'retry' | 'login' | 'refresh' | 'reauthenticate' | 'failure'
  // waiting for the rateLimit budget or for another process's login (src/coordination/)
  | 'wait';

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
