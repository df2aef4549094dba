// Everything the CLI touches of its process, passed in so tests can run it in-process too.
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where a question is answered (packages delete asks on a terminal); none: nothing can ask. */
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Resolves when the user asks to stop (Ctrl-C); the CLI then exits 130. */
  readonly interrupted: AbortSignal;
}

/** Whether progress may draw with ANSI (a bar) rather than plain lines. NO_COLOR removes colour only, not the bar. */
export function canDrawProgress(io: CliIo): boolean {
  return io.stderr.isTTY === true && io.env.TERM !== 'dumb';
}
