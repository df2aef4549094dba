// Where records go: stdout, or the --output file (created or truncated; its errors are usage errors).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { UsageError } from '../errors.js';

export interface Sink {
  readonly stream: NodeJS.WritableStream;
  /** Flushes and, for a file, closes it. */
  finish(): Promise<void>;
}

/** `stdout`: the raw stream (writeRecords makes every format safe itself, and CSV may be asked for raw). */
export async function openSink(stdout: NodeJS.WritableStream, outputPath: string | undefined): Promise<Sink> {
  if (outputPath === undefined) return { stream: stdout, finish: async () => {} };
  const file = createWriteStream(outputPath);
  try {
    await once(file, 'open');
  } catch (error) {
    throw new UsageError(`--output: cannot write ${outputPath} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return {
    stream: file,
    finish: async () => {
      file.end();
      await once(file, 'finish');
    },
  };
}
