// Verdaccio on 127.0.0.1, on a port the OS picks, with its storage and config in a temp dir that
// is removed on close. Publishing needs a user: one is registered and its token returned.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureVerdaccio, nodeAtLeast } from './tool-projects.mjs';

/** Our scope is served from local storage only: nothing of it may come from another registry. */
const config = (dir) => `storage: ${join(dir, 'storage')}
auth:
  htpasswd:
    file: ${join(dir, 'htpasswd')}
    max_users: 1
uplinks: {}
packages:
  '@iodm-northbound/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
web:
  enable: false
log: { type: stdout, format: json, level: warn }
`;

/** @returns {Promise<{ url: string, token: string, close: () => Promise<void> }>} */
export async function startVerdaccio() {
  const dir = await mkdtemp(join(tmpdir(), 'verdaccio-'));
  await writeFile(join(dir, 'config.yaml'), config(dir));
  const child = spawn(await nodeAtLeast(22), [await ensureVerdaccio(), join(dir, 'config.yaml')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const url = await listeningUrl(child);
    return { url, token: await addUser(url), close };
  } catch (error) {
    await close();
    throw error;
  }
}

function listeningUrl(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Verdaccio did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /\{"url":"([^"]+)"\}/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Verdaccio exited with ${code}:\n${output}`));
    });
  });
}

/** Registers the release user (npm adduser's request) and returns its token. */
async function addUser(url) {
  const name = 'release';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'rehearsal-only-password', type: 'user', roles: [] }),
  });
  const body = await response.json();
  if (!response.ok || typeof body.token !== 'string') throw new Error(`Verdaccio refused the user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}
