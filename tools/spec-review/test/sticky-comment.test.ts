import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MARKER, GitHubApiError, upsertStickyComment } from '../src/sticky-comment.mjs';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

const options = (url: string, body: string) => ({ apiUrl: url, repository: 'acme/api', issueNumber: 7, token: 't0ken', body });

describe('the sticky spec-review comment', () => {
  it('is created once, then updated in place on every re-run', async () => {
    github = await startFakeGitHub('t0ken', ['LGTM', 'please bump the version']);
    expect(await upsertStickyComment(options(github.url, 'report 1'))).toEqual({ action: 'created', id: 3 });
    expect(await upsertStickyComment(options(github.url, 'report 2'))).toEqual({ action: 'updated', id: 3 });
    expect(github.comments).toEqual([
      { id: 1, body: 'LGTM' },
      { id: 2, body: 'please bump the version' },
      { id: 3, body: `${DEFAULT_MARKER}\nreport 2` },
    ]);
  });

  it('finds its comment past the first page of a long discussion', async () => {
    github = await startFakeGitHub('t0ken', [...Array.from({ length: 130 }, (_, index) => `comment ${index}`), `${DEFAULT_MARKER}\nold report`]);
    expect(await upsertStickyComment(options(github.url, 'new report'))).toEqual({ action: 'updated', id: 131 });
    expect(github.comments).toHaveLength(131);
    expect(github.requests.filter((request) => request.startsWith('GET'))).toHaveLength(2);
  });

  it('says which call GitHub refused', async () => {
    github = await startFakeGitHub('another-token');
    await expect(upsertStickyComment(options(github.url, 'report'))).rejects.toThrow(
      new GitHubApiError('GET /repos/acme/api/issues/7/comments?per_page=100&page=1 answered 401: {"message":"Bad credentials"}'),
    );
  });
});
