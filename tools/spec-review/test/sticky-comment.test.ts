import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MARKER, GitHubApiError, upsertStickyComment } from '../src/sticky-comment.mjs';
import { botLogin, type FakeGitHub, startFakeGitHub } from './fake-github.js';

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

const options = (url: string, body: string) => ({ apiUrl: url, repository: 'acme/api', issueNumber: 7, token: 't0ken', body });
const byBot = (body: string) => ({ body, login: botLogin });

describe('the sticky spec-review comment', () => {
  it('is created once, then updated in place on every re-run', async () => {
    github = await startFakeGitHub('t0ken', ['LGTM', 'please bump the version']);
    expect(await upsertStickyComment(options(github.url, 'report 1'))).toEqual({ action: 'created', id: 3 });
    expect(await upsertStickyComment(options(github.url, 'report 2'))).toEqual({ action: 'updated', id: 3 });
    expect(github.comments.map(({ id, body }) => ({ id, body }))).toEqual([
      { id: 1, body: 'LGTM' },
      { id: 2, body: 'please bump the version' },
      { id: 3, body: `${DEFAULT_MARKER}\nreport 2` },
    ]);
  });

  it('finds its comment past the first page of a long discussion', async () => {
    github = await startFakeGitHub('t0ken', [...Array.from({ length: 130 }, (_, index) => `comment ${index}`), byBot(`${DEFAULT_MARKER}\nold report`)]);
    expect(await upsertStickyComment(options(github.url, 'new report'))).toEqual({ action: 'updated', id: 131 });
    expect(github.comments).toHaveLength(131);
    expect(github.requests.filter((request) => request.startsWith('GET /repos'))).toHaveLength(2);
  });

  it('leaves another user’s comment that quotes the marker alone', async () => {
    const quote = `${DEFAULT_MARKER}\n# Verdict: ✅ pass`;
    github = await startFakeGitHub('t0ken', [quote, `> ${DEFAULT_MARKER}`]);
    expect(await upsertStickyComment(options(github.url, 'report'))).toEqual({ action: 'created', id: 3 });
    expect(github.comments[0]?.body).toBe(quote);
    expect(github.requests.filter((request) => request.startsWith('PATCH'))).toEqual([]);
  });

  it('with the Actions token (GET /user refused) its comments are the Actions bot’s', async () => {
    github = await startFakeGitHub('t0ken', [{ body: `${DEFAULT_MARKER}\nold`, login: 'github-actions[bot]' }], { login: null });
    expect(await upsertStickyComment(options(github.url, 'new'))).toEqual({ action: 'updated', id: 1 });
  });

  it('says which call GitHub refused', async () => {
    github = await startFakeGitHub('another-token');
    await expect(upsertStickyComment(options(github.url, 'report'))).rejects.toThrow(
      new GitHubApiError('GET /user answered 401: {"message":"Bad credentials"}', 401),
    );
  });
});
