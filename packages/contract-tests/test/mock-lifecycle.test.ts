// After close(), the mock leaves nothing behind: its port can be bound again at once and this
// process has no more child processes than before (the mock runs in-process, by design).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createNorthboundClient } from '@iodm-northbound/client';
import { startMockServer } from '@iodm-northbound/mock-server';
import { describe, expect, it } from 'vitest';

/** PIDs whose parent is this process, from /proc (Linux, where CI runs). */
function childPids(): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // Field 4 is the parent PID; the command name (field 2) may contain spaces, so parse after ')'.
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parentPid === process.pid) children.push(Number(entry));
  }
  return children;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('mock lifecycle', () => {
  it('close() frees the port and leaves no process, after real client traffic', async () => {
    const childrenBefore = childPids();
    const mock = await startMockServer();
    expect(await canListen(mock.port)).toBe(false);

    const client = createNorthboundClient({ baseUrl: mock.url, appId: '3RQ9UnhymV409MfKPuiin75XroQa', secret: 'mock-lifecycle-secret' }, { maxRetries: 0 });
    // Keeps pooled keep-alive connections to the mock open when close() is called.
    await client.listSubTasks('paged-12', { pageSize: 5 }).toArray();

    await mock.close();
    expect(await canListen(mock.port)).toBe(true);
    expect(childPids()).toEqual(childrenBefore);
    await expect(client.querySubTasks('paged-12')).rejects.toMatchObject({ name: 'ConnectionError' });
  });

  it('the check above can see a child process (so its "none left" means something)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      expect(childPids()).toContain(child.pid);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(childPids()).not.toContain(child.pid);
  });
});
