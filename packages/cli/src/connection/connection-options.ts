// The connection flags every platform command takes. The secret has no flag on purpose: a flag's
// value shows in `ps` and in shell history. The NORTHBOUND_* fallbacks are read from the CliIo's
// env by resolveConnection, not by commander (which would read process.env behind runCli's back).
import type { Command } from 'commander';

export interface ConnectionFlags {
  baseUrl?: string;
  appId?: string;
  secretFile?: string;
  ca?: string;
  cert?: string;
  key?: string;
  mock?: boolean;
}

export function addConnectionOptions(command: Command): Command {
  return command
    .option('--base-url <url>', 'platform address, e.g. https://203.0.113.10:8743 (else NORTHBOUND_BASE_URL)')
    .option('--app-id <appId>', 'application ID (else NORTHBOUND_APP_ID)')
    .option('--secret-file <path>', 'read the secret from this file (else NORTHBOUND_SECRET)')
    .option('--ca <file>', 'PEM file of the CA(s) that sign the platform certificate')
    .option('--cert <file>', 'PEM client certificate, for mutual TLS')
    .option('--key <file>', 'PEM private key of --cert')
    .option('--mock', 'run against an embedded simulator-backed mock (on loopback) instead of a platform');
}
