// One pull-request comment per report kind, updated in place: the comment is found by an HTML
// marker in its body, so a re-run edits it instead of adding another.
export const DEFAULT_MARKER = '<!-- iodm-northbound:spec-review -->';

export class GitHubApiError extends Error {
  name = 'GitHubApiError';
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
    });
    if (!response.ok) throw new GitHubApiError(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    return response.json();
  };
  const text = `${marker}\n${body}`;
  for (let page = 1; ; page += 1) {
    const comments = await request('GET', `/repos/${repository}/issues/${issueNumber}/comments?per_page=100&page=${page}`);
    const mine = comments.find((comment) => typeof comment.body === 'string' && comment.body.includes(marker));
    if (mine) {
      await request('PATCH', `/repos/${repository}/issues/comments/${mine.id}`, { body: text });
      return { action: 'updated', id: mine.id };
    }
    if (comments.length < 100) break;
  }
  const created = await request('POST', `/repos/${repository}/issues/${issueNumber}/comments`, { body: text });
  return { action: 'created', id: created.id };
}
