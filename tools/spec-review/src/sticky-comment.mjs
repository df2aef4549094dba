// One pull-request comment per report kind, updated in place: the comment is ours when it holds
// the HTML marker AND was written by the token's own user, so a comment by anyone else that
// quotes the marker is left alone.
export const DEFAULT_MARKER = '<!-- iodm-northbound:spec-review -->';

/** Who writes with the Actions token: GET /user is refused to it, and its comments are by this bot. */
export const ACTIONS_BOT = 'github-actions[bot]';

export class GitHubApiError extends Error {
  name = 'GitHubApiError';
  /** @param {string} message @param {number} status */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * Creates or updates the marked comment on a pull request (an issue, to the REST API).
 * @param {{ apiUrl: string, repository: string, issueNumber: number, token: string, body: string, marker?: string }} options
 * @returns {Promise<{ action: 'created' | 'updated', id: number }>}
 */
export async function upsertStickyComment({ apiUrl, repository, issueNumber, token, body, marker = DEFAULT_MARKER }) {
  const request = async (method, path, payload) => {
    const response = await fetch(`${apiUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-github-api-version': '2022-11-28' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new GitHubApiError(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 200)}`, response.status);
    return response.json();
  };
  const author = await tokenUser(request);
  const text = `${marker}\n${body}`;
  for (let page = 1; ; page += 1) {
    const comments = await request('GET', `/repos/${repository}/issues/${issueNumber}/comments?per_page=100&page=${page}`);
    const mine = comments.find((comment) => comment.user?.login === author && typeof comment.body === 'string' && comment.body.startsWith(marker));
    if (mine) {
      await request('PATCH', `/repos/${repository}/issues/comments/${mine.id}`, { body: text });
      return { action: 'updated', id: mine.id };
    }
    if (comments.length < 100) break;
  }
  const created = await request('POST', `/repos/${repository}/issues/${issueNumber}/comments`, { body: text });
  return { action: 'created', id: created.id };
}

/** The login the token writes as: GET /user, or the Actions bot for the Actions token (refused 403 there). */
async function tokenUser(request) {
  try {
    const user = await request('GET', '/user');
    if (typeof user?.login === 'string') return user.login;
  } catch (error) {
    if (!(error instanceof GitHubApiError && error.status === 403)) throw error;
  }
  return ACTIONS_BOT;
}
