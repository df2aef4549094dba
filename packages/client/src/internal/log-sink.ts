// Delivers log entries to the caller's logger, every string redacted, a throwing logger ignored.
import type { NorthboundLogEntry, NorthboundLogEvent, NorthboundLogger, NorthboundLogLevel } from '../core/logging.js';
import type { Redactor } from './redact.js';

type LogFields = Omit<NorthboundLogEntry, 'level' | 'event'>;
/** `redactor`: the call's own (which also hides a caller's token), else the client's. */
export type LogSink = (level: NorthboundLogLevel, event: NorthboundLogEvent, fields: LogFields, redactor?: Redactor) => void;

export function createLogSink(logger: NorthboundLogger | undefined, clientRedactor: Redactor): LogSink | undefined {
  if (!logger) return undefined;
  return (level, event, fields, redactor = clientRedactor) => {
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
