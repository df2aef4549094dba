// In a real terminal (tmux): watch draws a progress bar that updates in place, Ctrl-C stops it
// with exit 130 and the cursor shown again; with TERM=dumb it prints plain lines instead (NO_COLOR keeps the bar); at 80 and 120 columns the bar
// fits one line with its ETA.
// Values from a hostile platform (node:http on loopback) neither set the title nor write the clipboard.
// The built bin runs in the terminal; its platform is the simulator-backed mock, started in this
// process on loopback (port 0) at the speed each test needs.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startMockServer } from '@iodm-northbound/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHostilePlatform } from './hostile-platform.js';
import { BIN, cliEnvFor } from './support.js';

const socket = `iodm-cli-test-${process.pid}-${Date.now()}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const pane = () => tmux('capture-pane', '-p', '-t', 'cli');
const cursorShown = () => tmux('display-message', '-p', '-t', 'cli', '#{cursor_flag}').trim() === '1';

async function waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs; // hang guard only
  for (;;) {
    const screen = pane();
    if (predicate(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${screen}`);
    await sleep(100);
  }
}

function typeCommand(command: string): void {
  tmux('send-keys', '-t', 'cli', '-l', command);
  tmux('send-keys', '-t', 'cli', 'Enter');
}

let commandsRun = 0;
/**
 * Clears the screen, runs a command and echoes its exit code under a marker of its own, so that
 * the exit line of an earlier command still on screen (before `clear` ran) is never taken for it.
 * Returns the pattern of that exit line; its first group is the code.
 */
function runCommand(command: string): RegExp {
  const marker = `EXIT-${++commandsRun}`;
  typeCommand(`clear; ${command}; echo "${marker}=$?"`);
  return new RegExp(`${marker}=(\\d+)`);
}

beforeAll(() => {
  const env = { ...process.env };
  delete env.NO_COLOR;
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'cli', '-x', '180', '-y', '24', 'bash --norc --noprofile'], {
    env: { ...env, TERM: 'xterm-256color', PS1: '$ ' },
  });
});
afterAll(() => {
  const socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
  tmux('kill-server');
  rmSync(socketPath, { force: true }); // tmux leaves its socket file behind
});

const mocks: Awaited<ReturnType<typeof startMockServer>>[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((mock) => mock.close()));
});

/** The environment (as a command prefix) of a platform simulated at `speed` simulated seconds per second. */
async function simulatedPlatform(speed: number): Promise<string> {
  const mock = await startMockServer({ host: '127.0.0.1', port: 0, simulation: { speed, seed: 1 } });
  mocks.push(mock);
  return commandPrefix(cliEnvFor(mock.url));
}

/** `env` as the assignments before a shell command. */
function commandPrefix(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

describe('watch in a terminal', () => {
  it('draws a bar that updates, and Ctrl-C exits 130 with the terminal restored', async () => {
    const exitLine = runCommand(`${await simulatedPlatform(20)} node ${BIN} watch campaign-2000 --interval 200ms`);
    const bar = /(\d+)% (\d+)\/2000 \| processing \| success \d+ fail \d+ \(timeout \d+\) stop \d+ processing \d+ wait \d+ \| [\d.?]+\/min \| ETA \S+/;
    const first = await waitFor((screen) => bar.test(screen) && Number(bar.exec(screen)![2]) > 0, 'the progress bar');
    expect(cursorShown()).toBe(false); // the bar hides the cursor while it draws
    const firstEnded = Number(bar.exec(first)![2]);
    const later = await waitFor((screen) => bar.test(screen) && Number(bar.exec(screen)![2]) > firstEnded, 'the bar to update');
    // Redrawn in place: one bar line on the screen, not one per update.
    expect(later.split('\n').filter((line) => bar.test(line))).toHaveLength(1);

    tmux('send-keys', '-t', 'cli', 'C-c');
    const after = await waitFor((screen) => exitLine.test(screen), 'the exit code');
    expect(exitLine.exec(after)![1]).toBe('130');
    expect(after).toContain('iodm-northbound: interrupted');
    expect(cursorShown()).toBe(true);
    // The shell still echoes what is typed: the terminal is usable.
    typeCommand('echo still-$((40+2))');
    await waitFor((screen) => screen.includes('still-42'), 'the shell to answer');
  });

  it.each([
    ['NO_COLOR=1', true], // no-color.org: colour only; the bar stays
    ['TERM=dumb', false],
  ])('on a terminal with "%s": progress bar drawn = %s', async (setting, drawsBar) => {
    // stderr (progress) goes to the terminal; stdout (the summary) is dropped.
    const exitLine = runCommand(`${setting} ${await simulatedPlatform(3000)} node ${BIN} watch campaign-60 --interval 100ms >/dev/null`);
    const screen = await waitFor((text) => exitLine.test(text), 'the watch to end');
    expect(['0', '1']).toContain(exitLine.exec(screen)![1]);
    expect(/[░█]/.test(screen)).toBe(drawsBar);
    expect(/^\d\d:\d\d:\d\d campaign-60 \w+: \d+\/60 ended/m.test(screen)).toBe(!drawsBar);
  });
});

describe('watch at 80 and 120 columns', () => {
  it.each([80, 120])('at %i columns the bar fits one line with its ETA', async (columns) => {
    tmux('resize-window', '-t', 'cli', '-x', String(columns), '-y', '24');
    // The bar of the run before must be gone, or it would be taken for this run's.
    typeCommand('clear');
    await waitFor((text) => !/[█░]/.test(text), 'a clear screen');
    try {
      const exitLine = runCommand(`${await simulatedPlatform(20)} node ${BIN} watch campaign-2000 --interval 200ms`);
      const bar = /^[█░]+ \d+% \d+\/2000 .*\| ETA \S+ *$/m;
      const screen = await waitFor((text) => bar.test(text), 'a bar with its ETA');
      // Joined, a line the terminal wrapped is one line again: each must fit the width.
      const lines = tmux('capture-pane', '-p', '-J', '-t', 'cli').split('\n');
      expect(lines.filter((line) => line.length > columns)).toEqual([]);
      expect(screen.split('\n').filter((line) => /^[█░]+ \d+%/.test(line))).toHaveLength(1);
      tmux('send-keys', '-t', 'cli', 'C-c');
      await waitFor((text) => exitLine.test(text), 'the exit code');
    } finally {
      tmux('resize-window', '-t', 'cli', '-x', '180', '-y', '24');
    }
  });
});

describe('values from a hostile platform in a terminal', () => {
  it("a device's OSC 0 title and OSC 52 clipboard write take no effect; the escapes are shown", async () => {
    const platform = await startHostilePlatform();
    try {
      // tmux would take an application's OSC 52 into a paste buffer.
      tmux('set-option', '-g', 'set-clipboard', 'on');
      const paneTitle = () => tmux('display-message', '-p', '-t', 'cli', '#{pane_title}').trim();
      const titleBefore = paneTitle();
      const exitLine = runCommand(`${commandPrefix(platform.env)} node ${BIN} subtasks op --wide`);
      await waitFor((screen) => exitLine.test(screen), 'subtasks to end');
      const joined = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'cli'); // the history too: the first rows scrolled off
      expect(exitLine.exec(joined)![1]).toBe('0');
      expect(joined).toContain('\\x1b]0;pwned');
      expect(joined).toContain('\\x1b]52;c;');
      expect(paneTitle()).toBe(titleBefore);
      expect(tmux('list-buffers')).toBe('');
      // The same sequences written raw do take effect here: the two checks above can fail.
      const raw = runCommand(`printf '\\033]0;pwned\\033\\\\\\033]52;c;ZWNobyBwd25lZA==\\007'`);
      await waitFor((screen) => raw.test(screen), 'printf to end');
      expect(paneTitle()).toBe('pwned');
      expect(tmux('list-buffers')).not.toBe('');
    } finally {
      await platform.close();
    }
  });
});
