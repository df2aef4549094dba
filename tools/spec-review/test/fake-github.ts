// The issue-comments endpoints of GitHub's REST API, in memory on 127.0.0.1 (port 0): the one
// boundary these tests cannot reach for real. Records every request. Comments carry their author;
// `refuse` answers a method with a status (a fork's read-only token gets 403 on POST), and bodies
// over GitHub's 65 536 characters get its 422.
import { createServer, type Server } from 'node:http';

interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
}

export interface FakeGitHub {
  url: string;
  comments: FakeComment[];
  requests: string[];
  close: () => Promise<void>;
}

export interface FakeGitHubOptions {
  /** The login GET /user answers for the token (default `spec-review-bot`); null: 403, as for the Actions token. */
  login?: string | null;
  /** Status to answer to every request of a method, e.g. `{ POST: 403 }`. */
  refuse?: Partial<Record<'GET' | 'POST' | 'PATCH', number>>;
  /** The head commit of pull request 7 (GET /repos/acme/api/pulls/7). */
  headSha?: string;
}

export const botLogin = 'spec-review-bot';
const maxBody = 65_536;

/** Initial comments: a string is a comment by another user (`octocat`). */
export async function startFakeGitHub(
  token: string,
  initial: Array<string | { body: string; login: string }> = [],
  options: FakeGitHubOptions = {}
): Promise<FakeGitHub> {
  const login = options.login === undefined ? botLogin : options.login;
  // Who the token writes as: its user, or the Actions bot when GET /user is refused.
  const author = login ?? 'github-actions[bot]';
  const comments: FakeComment[] = initial.map((entry, index) =>
    typeof entry === 'string' ? { id: index + 1, body: entry, user: { login: 'octocat' } } : { id: index + 1, body: entry.body, user: { login: entry.login } }
  );
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' });
    const refusal = options.refuse?.[request.method as 'GET' | 'POST' | 'PATCH'];
    if (refusal !== undefined) return send(refusal, { message: 'Resource not accessible by integration' });
    if (url.pathname === '/user' && request.method === 'GET') {
      return login === null ? send(403, { message: 'Resource not accessible by integration' }) : send(200, { login });
    }
    if (url.pathname === '/repos/acme/api/pulls/7' && request.method === 'GET') return send(200, { number: 7, head: { sha: options.headSha } });
    const list = /^\/repos\/acme\/api\/issues\/7\/comments$/.exec(url.pathname);
    const one = /^\/repos\/acme\/api\/issues\/comments\/(\d+)$/.exec(url.pathname);
    const body = raw === '' ? undefined : (JSON.parse(raw).body as string);
    if (body !== undefined && body.length > maxBody) return send(422, { message: 'Validation Failed', errors: [{ message: 'body is too long (maximum is 65536 characters)' }] });
    if (list && request.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      return send(200, comments.slice((page - 1) * perPage, page * perPage));
    }
    if (list && request.method === 'POST') {
      const comment = { id: comments.length + 1, body: body ?? '', user: { login: author } };
      comments.push(comment);
      return send(201, comment);
    }
    const existing = one && comments.find((comment) => comment.id === Number(one[1]));
    if (existing && request.method === 'PATCH') {
      if (existing.user.login !== author) return send(403, { message: 'Resource not accessible by integration' });
      existing.body = body ?? '';
      return send(200, existing);
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, comments, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
