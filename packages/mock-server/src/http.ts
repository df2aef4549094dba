// The thin HTTP adapter: reads a node:http request into a plain value and writes a plain answer
// back. Every decision (what to answer) lives in the handlers; nothing here knows the contract.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies larger than this are not read. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

/** A request as read off the wire, before anything about the contract is decided. */
export interface IncomingCall {
  /** Lower-case, as Prism expects. */
  readonly method: string;
  /** The path, made decodable (see `pathProblem`). */
  readonly path: string;
  /** Every query parameter as sent: one string, or an array when repeated. */
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: HeaderMap;
  /** The body as text; undefined when there was none or it was not read. */
  readonly bodyText: string | undefined;
  /** The body parsed as JSON when its content type says JSON, else the text. */
  readonly body: unknown;
  /** Why the body could not be read or parsed, if it could not. */
  readonly bodyProblem: string | undefined;
  /** Set when a path segment is not valid percent-encoding. */
  readonly pathProblem: string | undefined;
  /** The body was over MAX_BODY_BYTES and left unread: the connection cannot be reused. */
  readonly bodyTooLarge: boolean;
}

/** What reading a request gave: a call, a target that is not a request target, or a client that left. */
type ReadOutcome =
  | { readonly kind: 'call'; readonly call: IncomingCall }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'gone' };

/** An answer to write; `body` is sent as is when a string, else as JSON. */
export interface Answer {
  readonly statusCode: number;
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: unknown;
}

// RFC 3986 origin-form: a path of pchars, then any visible ASCII but '#' as the query (clients
// leave [ ] | ^ { } unencoded there). A path such as "//[" is not a request target.
const ORIGIN_FORM = /^(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)(\?[\x21-\x22\x24-\x7e]*)?$/;
const ABSOLUTE_FORM = /^https?:\/\//i;

export async function readCall(req: IncomingMessage): Promise<ReadOutcome> {
  const target = parseTarget(req.url ?? '');
  if (typeof target === 'string') return { kind: 'malformed', reason: target };
  let pathProblem: string | undefined;
  // Prism throws on a path it cannot decode; route a decodable stand-in and reject it afterwards.
  const path = target.pathname
    .split('/')
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        pathProblem = `the path segment "${segment}" is not valid percent-encoded UTF-8`;
        return segment.replaceAll('%', '%25');
      }
    })
    .join('/');
  // fromEntries defines own properties, so a parameter named __proto__ stays a parameter.
  const query = Object.fromEntries(
    [...new Set(target.searchParams.keys())].map((key) => {
      const values = target.searchParams.getAll(key);
      return [key, values.length === 1 ? values[0]! : values];
    }),
  );
  const read = await readBody(req);
  if (read === 'gone') return { kind: 'gone' };
  const { text, tooLarge } = read;
  let body: unknown = text;
  let bodyProblem: string | undefined = tooLarge ? `the body is larger than ${MAX_BODY_BYTES} bytes` : undefined;
  if (text !== undefined && /^application\/([\w.+-]+\+)?json\b/i.test(String(req.headers['content-type'] ?? ''))) {
    try {
      body = JSON.parse(text);
    } catch {
      bodyProblem = 'the body is not valid JSON';
    }
  }
  const method = (req.method ?? 'GET').toLowerCase();
  return { kind: 'call', call: { method, path, query, headers: req.headers, bodyText: text, body, bodyProblem, pathProblem, bodyTooLarge: tooLarge } };
}

/** The target as a URL, or why it is not a request target this server accepts. */
function parseTarget(target: string): URL | string {
  if (ABSOLUTE_FORM.test(target)) {
    try {
      return new URL(target);
    } catch {
      return 'the absolute request target is not a URL';
    }
  }
  if (!ORIGIN_FORM.test(target)) return 'the request target is not an origin-form path and query (RFC 9112 section 3.2.1)';
  // Concatenated, never resolved: "//host/x" must stay a path, not become an authority.
  return new URL(`http://mock.invalid${target}`);
}

async function readBody(req: IncomingMessage): Promise<{ text: string | undefined; tooLarge: boolean } | 'gone'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return { text: undefined, tooLarge: true };
      chunks.push(chunk);
    }
  } catch (error) {
    // A client that goes away mid-body is routine, not a failure of the mock.
    if (req.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return 'gone';
    throw error;
  }
  return { text: size === 0 ? undefined : Buffer.concat(chunks).toString('utf8'), tooLarge: false };
}

export function writeAnswer(res: ServerResponse, answer: Answer): void {
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    // The body is serialised again here, so an upstream's length no longer applies.
    if (name.toLowerCase() === 'content-length') continue;
    res.setHeader(name, value as string | string[]);
  }
  const { body } = answer;
  if (body === undefined || body === null) {
    res.writeHead(answer.statusCode).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
  res.writeHead(answer.statusCode, { 'content-length': Buffer.byteLength(text) }).end(text);
}

/** A platform-shaped JSON answer. */
export function jsonAnswer(statusCode: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { statusCode, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Answers the mock itself gives (not the platform's): RFC 9457 problem+json, like Prism. */
export function problemAnswer(status: number, type: string, title: string, detail: string, headers: Record<string, string> = {}): Answer {
  return { statusCode: status, headers: { ...headers, 'content-type': 'application/problem+json' }, body: JSON.stringify({ type, title, status, detail }) };
}

export function headerSafe(value: string, maxChars: number): string {
  // Header values must be visible ASCII; anything else would make Node throw.
  const ascii = value.replace(/[^\x20-\x7e]/g, '?');
  return ascii.length > maxChars ? `${ascii.slice(0, maxChars - 3)}...` : ascii;
}
