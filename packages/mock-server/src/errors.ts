/** Base class of every error the mock server package throws itself. */
export class MockServerError extends Error {
  override name = 'MockServerError';
}

/** `startMockServer` (or the CLI) was given an option it cannot use. Nothing was started. */
export class MockServerOptionsError extends MockServerError {
  override name = 'MockServerOptionsError';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`Invalid mock server option "${option}": ${message}`);
  }
}

/** The server could not listen (port taken, address not available, ...). Nothing is left running. */
export class MockServerStartError extends MockServerError {
  override name = 'MockServerStartError';
  constructor(
    readonly host: string,
    readonly port: number,
    /** The system error code, e.g. `EADDRINUSE`, when there is one. */
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      code === 'EADDRINUSE'
        ? `Cannot start the mock server: ${host}:${port} is already in use`
        : `Cannot start the mock server on ${host}:${port}: ${code ?? String((options?.cause as Error | undefined)?.message)}`,
      options,
    );
  }
}
