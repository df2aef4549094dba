// The issue-comments endpoints of GitHub's REST API, in memory on 127.0.0.1 (port 0): the one
// boundary these tests cannot reach for real. Records every request.
import { createServer, type Server } from 'node:http';

export interface FakeGitHub {
  url: string;
  comments: Array<{ id: number; body: string }>;
  requests: string[];
  close: () => Promise<void>;
}

export async function startFakeGitHub(token: string, initial: string[] = []): Promise<FakeGitHub> {
  const comments = initial.map((body, index) => ({ id: index + 1, body }));
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' });
    const list = /^\/repos\/acme\/api\/issues\/7\/comments$/.exec(url.pathname);
    const one = /^\/repos\/acme\/api\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (list && request.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      return send(200, comments.slice((page - 1) * perPage, page * perPage));
    }
    if (list && request.method === 'POST') {
      const comment = { id: comments.length + 1, body: JSON.parse(raw).body as string };
      comments.push(comment);
      return send(201, comment);
    }
    const existing = one && comments.find((comment) => comment.id === Number(one[1]));
    if (existing && request.method === 'PATCH') {
      existing.body = JSON.parse(raw).body;
      return send(200, existing);
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, comments, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
