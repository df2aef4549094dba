// Keeps tokens and the secret out of errors and logs. Known values are replaced wherever they
// appear (a gateway may echo request headers into an HTML error page); the patterns catch
// credentials this client never saw, such as a token in a body a proxy invented.
const redacted = '[redacted]';

const credentialPatterns: readonly RegExp[] = [
  /(Bearer\s+)[^\s"',;<>]+/gi,
  /("(?:accessToken|refreshToken|access_token|refresh_token|secret)"\s*:\s*")[^"]*/gi,
  /(\b(?:accessToken|refreshToken|access_token|refresh_token|secret)=)[^&\s"'<>]+/gi,
];

// Only the newest tokens matter, but a call that started with an older one may still fail
// afterwards; keep a few.
const maxRemembered = 16;

export class Redactor {
  readonly #pinned = new Set<string>();
  readonly #recent = new Set<string>();

  /** A value to redact for the client's whole life (the secret, a caller's static token). */
  pin(value: string | undefined): void {
    if (value !== undefined && value.length >= 4) this.#pinned.add(value);
  }

  /** A token issued while running; only the most recent few are remembered. */
  add(value: string | undefined): void {
    // Very short values are ignored: redacting them would mangle ordinary text.
    if (value === undefined || value.length < 4 || this.#pinned.has(value)) return;
    this.#recent.delete(value);
    this.#recent.add(value);
    if (this.#recent.size > maxRemembered) {
      const oldest = this.#recent.values().next().value;
      if (oldest !== undefined) this.#recent.delete(oldest);
    }
  }

  redact(text: string): string {
    let result = text;
    for (const secrets of [this.#pinned, this.#recent]) {
      for (const secret of secrets) {
        if (result.includes(secret)) result = result.split(secret).join(redacted);
      }
    }
    for (const pattern of credentialPatterns) result = result.replace(pattern, `$1${redacted}`);
    return result;
  }
}
