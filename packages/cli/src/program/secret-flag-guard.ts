// A secret must never be a flag value (it would show in `ps` and shell history): refuse the
// flags someone would try, with the way to do it instead, before anything else runs.
import { UsageError } from '../errors.js';

const SECRET_FLAG = /^--(secret|app-secret|password)(=|$)/;

export function rejectSecretFlags(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    const match = SECRET_FLAG.exec(arg);
    if (match) {
      throw new UsageError(`--${match[1]} is refused: a secret given as a flag shows in ps and shell history; set NORTHBOUND_SECRET or use --secret-file <path>`);
    }
  }
}
