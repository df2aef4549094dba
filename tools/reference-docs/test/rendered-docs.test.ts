// Opens the built reference page in Debian's Chromium, driven by playwright-core: the operation,
// its parameters and every error code must be on screen, and the page must not ask anything of
// the network beyond the loopback server that serves it. What must be on screen is read from the
// bundled spec (spec-view.ts), so the lists follow the spec.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationView, sidebarGroups, summariesByTag } from './spec-view.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const pagePath = join(packageDir, 'dist', 'index.html');
const screenshotDir = join(packageDir, 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How long a launch, a navigation or a wait for the rendered page may take on a loaded machine. */
const pageTimeoutMs = 120_000;

/** Redoc's anchor of a tag: lower case, spaces as dashes (`#/upgrade-subtasks/...`). */
const tagSlug = (tag: string): string => tag.toLowerCase().replace(/\s+/g, '-');

let server: Server;
let origin: string;
let profileDir: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  const html = await readFile(pagePath);
  // The page routes with the URL hash, so one document at `/` is all the server has.
  server = createServer((request, response) => {
    if (request.url === '/' || request.url === '/index.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  profileDir = await mkdtemp(join(tmpdir(), 'reference-docs-chromium-'));
  const browserHome = join(profileDir, 'home');
  await mkdir(browserHome, { recursive: true });
  context = await chromium.launchPersistentContext(join(profileDir, 'profile'), {
    executablePath: chromiumPath,
    // The flags a closed network needs (no background, update or sync traffic, no QUIC).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // Chromium's crash handler and caches write under HOME and the XDG folders; a CI user's HOME
    // may be missing or read-only, so the browser gets its own inside the throwaway profile.
    env: { ...process.env, HOME: browserHome, XDG_CONFIG_HOME: join(browserHome, '.config'), XDG_CACHE_HOME: join(browserHome, '.cache') },
    viewport: { width: 1400, height: 1000 },
    // Time limits are a hang guard: turbo runs every package's tests at once on 2 cores.
    timeout: pageTimeoutMs,
  });
  context.setDefaultTimeout(pageTimeoutMs);
  context.setDefaultNavigationTimeout(pageTimeoutMs);
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.getByRole('heading', { name: /OceanConnect Northbound API/ }).first().waitFor();
  await mkdir(screenshotDir, { recursive: true });
}, 4 * pageTimeoutMs);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

/** The sidebar link of an operation, by its summary, if it is on screen. */
function sidebarLink(summary: string): Locator {
  return page.getByRole('link', { name: new RegExp(`^${summary}`) }).filter({ visible: true }).first();
}

/** Opens an operation from the sidebar, as a reader would; returns its middle (description) column. */
async function openOperation(operationId: Parameters<typeof operationView>[0]): Promise<Locator> {
  const { tag, summary } = operationView(operationId);
  const sidebarEntry = sidebarLink(summary);
  // A tag opened earlier may still be folding away: only an entry on screen counts as open.
  if ((await sidebarEntry.count()) === 0) await page.getByText(tag, { exact: true }).first().click();
  await sidebarEntry.click();
  await page.getByRole('heading', { name: summary }).filter({ visible: true }).first().waitFor();
  // The page routes by hash (#/upgrade-subtasks/queryupgradesubtask); each operation is a section.
  const sectionId = new URL(page.url()).hash.slice(1);
  return page.locator(`[data-section-id="${sectionId}"] [data-testid="middle-panel"]`);
}

/**
 * Clicks a status in the "Responses" tab list: its description, which names the status's error
 * codes (`120015`: the request is malformed. `123029`: ...), must be hidden before and on screen after.
 */
async function showResponse(operation: Locator, status: string, codes: readonly string[]): Promise<void> {
  // One text that names every code, in any order.
  const description = operation.getByText(new RegExp(codes.map((code) => `(?=[\\s\\S]*\\b${code}\\b)`).join(''))).filter({ visible: true });
  const tab = operation.locator('[role="tablist"][aria-label="Response status"]').getByRole('tab', { name: status, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') expect(await description.count(), `${codes.join(', ')} before opening ${status}`).toBe(0);
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 30_000 }).toBe('true');
  await description.first().waitFor({ timeout: 30_000 });
}

describe('the rendered reference page in Chromium', () => {
  it('groups the tags in the sidebar: the upgrade flow, then authentication', async () => {
    // Top-level sidebar entries in order; a tag group's label is the one entry without a link.
    const entries = await page.locator('[data-component-name="Menu/Menu"] > [data-component-name="Menu/MenuItem"]').evaluateAll((items) =>
      items.map((item) => ({ label: item.querySelector('[data-text]')?.getAttribute('data-text') ?? '', link: item.querySelector(':scope > a') !== null })),
    );
    const firstGroup = entries.findIndex((entry) => !entry.link);
    expect(firstGroup, 'a tag group label in the sidebar').toBeGreaterThan(-1);
    const expected = sidebarGroups().flatMap(({ group, tags }) => [
      { label: group, link: false },
      ...tags.map((tag) => ({ label: tag, link: true })),
    ]);
    expect(entries.slice(firstGroup)).toEqual(expected);
  });

  it('shows the subtask query with its path, security and parameters', async () => {
    const subtasks = operationView('queryUpgradeSubTask');
    await openOperation('queryUpgradeSubTask');
    expect(page.url()).toBe(`${origin}/#/upgrade-subtasks/queryupgradesubtask`);
    await page.getByText(subtasks.path).filter({ visible: true }).first().waitFor();
    for (const name of [...subtasks.parameters, ...subtasks.securitySchemes]) {
      const shown = page.getByText(name, { exact: true }).filter({ visible: true });
      expect(await shown.count(), `${name} on screen`).toBeGreaterThan(0);
    }
    await page.screenshot({ path: join(screenshotDir, 'query-upgrade-subtask.png') });
  });

  it('shows every error code of the subtask query on its response tab', async () => {
    const { errorCodesByStatus } = operationView('queryUpgradeSubTask');
    const operation = await openOperation('queryUpgradeSubTask');
    for (const [status, codes] of Object.entries(errorCodesByStatus)) {
      await showResponse(operation, status, codes);
      if (status === '403') {
        await page.getByRole('heading', { name: 'Responses' }).first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(screenshotDir, 'query-upgrade-subtask-403.png') });
      }
    }
    // The response samples panel follows the tab: the last status's example body is on screen.
    const lastCodes = Object.values(errorCodesByStatus).at(-1) ?? [];
    expect(lastCodes.length, 'an error status with an example').toBeGreaterThan(0);
    await page.getByText(`"${lastCodes[0]}"`).filter({ visible: true }).first().waitFor();
  });

  it('shows the error codes of login and token refresh', async () => {
    for (const operationId of ['getAuthToken', 'refreshAuthToken'] as const) {
      const operation = await openOperation(operationId);
      for (const [status, codes] of Object.entries(operationView(operationId).errorCodesByStatus)) {
        await showResponse(operation, status, codes);
        if (operationId === 'getAuthToken' && status === '400') await page.screenshot({ path: join(screenshotDir, 'login-400.png') });
      }
    }
  });

  it('shows every error code of the package delete, documented and inferred', async () => {
    const operation = await openOperation('deleteUpgradePackage');
    expect(page.url()).toBe(`${origin}/#/version-packages/deleteupgradepackage`);
    for (const [status, codes] of Object.entries(operationView('deleteUpgradePackage').errorCodesByStatus)) await showResponse(operation, status, codes);
    await page.screenshot({ path: join(screenshotDir, 'delete-upgrade-package-404.png') });
  });

  it('lists every operation under its tag', async () => {
    for (const [tag, summaries] of summariesByTag()) {
      const slug = tagSlug(tag);
      if ((await sidebarLink(summaries[0]!).count()) === 0) await page.getByRole('link', { name: tag, exact: true }).first().click();
      for (const summary of summaries) {
        const link = sidebarLink(summary);
        await link.waitFor({ timeout: 30_000 });
        expect(await link.getAttribute('href'), `${summary} under ${tag}`).toMatch(new RegExp(`^#?/${slug}/`));
      }
    }
  });

  it('loaded nothing from outside loopback and logged no error', () => {
    const local = (url: string) => url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !local(url))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
