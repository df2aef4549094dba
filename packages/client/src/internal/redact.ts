// Keeps tokens and the secret out of errors and logs. Known values are replaced wherever they
// appear, also in the forms a server may echo them in (JSON-escaped, URL- or form-encoded,
// HTML-escaped: a gateway may echo request headers into an error page); the patterns catch
// credentials this client never saw, such as a token in a body a proxy invented.
const redacted = '[redacted]';

/** Shorter values cannot be redacted without mangling ordinary text, so they are refused as credentials. */
export const minCredentialLength = 8;

const credentialPatterns: readonly RegExp[] = [
  /(Bearer\s+)[^\s"',;<>]+/gi,
  /("(?:accessToken|refreshToken|access_token|refresh_token|secret)"\s*:\s*")[^"]*/gi,
  /(\b(?:accessToken|refreshToken|access_token|refresh_token|secret)=)[^&\s"'<>]+/gi,
];

// The client's own tokens come only from its logins and refreshes (a few a day), so this bound
// is never reached by tokens that can still be in use; callers' tokens never enter this memory.
const maxIssuedRemembered = 64;

const htmlEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The value as a server might echo it back. */
function echoedForms(value: string): string[] {
  const forms = new Set([
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    value.replace(/[&<>"']/g, (character) => htmlEscapes[character]!),
  ]);
  return [...forms];
}

export class Redactor {
  readonly #parent: Redactor | undefined;
  readonly #pinned = new Set<string>();
  readonly #issued = new Map<string, readonly string[]>();
  /**
   * Every form of every value, longest first so that a longer form is replaced before a part of it.
   * Built when text is first redacted after a change: most calls (a caller's token of one call
   * included) never build an error or a log entry.
   */
  #forms: string[] | undefined;

  constructor(parent?: Redactor) {
    this.#parent = parent;
  }

  /** A value to redact for the client's whole life (the secret, a caller's static token). */
  pin(value: string): void {
    this.#pinned.add(value);
    this.#forms = undefined;
  }

  /** A token the client was issued; the newest ones are kept, and no caller value can push them out. */
  addIssued(value: string): void {
    if (this.#pinned.has(value)) return;
    this.#issued.delete(value);
    this.#issued.set(value, echoedForms(value));
    if (this.#issued.size > maxIssuedRemembered) {
      const oldest = this.#issued.keys().next().value;
      if (oldest !== undefined) this.#issued.delete(oldest);
    }
    this.#forms = undefined;
  }

  /** A redactor for one call that also hides `values` (a caller's token), leaving this one untouched. */
  withCallValues(values: readonly string[]): Redactor {
    const scoped = new Redactor(this);
    for (const value of values) scoped.#pinned.add(value);
    return scoped;
  }

  redact(text: string): string {
    let result = this.#replaceKnown(text);
    for (const pattern of credentialPatterns) result = result.replace(pattern, `$1${redacted}`);
    return result;
  }

  #replaceKnown(text: string): string {
    let result = this.#parent ? this.#parent.#replaceKnown(text) : text;
    this.#forms ??= this.#allForms();
    for (const form of this.#forms) {
      if (result.includes(form)) result = result.split(form).join(redacted);
    }
    return result;
  }

  #allForms(): string[] {
    const forms = new Set<string>();
    for (const value of this.#pinned) for (const form of echoedForms(value)) forms.add(form);
    for (const issuedForms of this.#issued.values()) for (const form of issuedForms) forms.add(form);
    return [...forms].sort((a, b) => b.length - a.length);
  }
}
