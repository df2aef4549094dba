// A release as it would really happen, against a real registry (Verdaccio on 127.0.0.1, port 0):
// changeset version + changeset publish of every package, then the client, the mock and the
// contract tests installed by name into a fresh project, and their bins run from there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLED_BY_NAME, rehearseRelease } from '../../src/rehearse-release.mjs';
import { REHEARSAL_REPOSITORY_URL } from '../../src/release.mjs';

type Rehearsal = Awaited<ReturnType<typeof rehearseRelease>>;
let rehearsal: Rehearsal;
const lines: string[] = [];

beforeAll(async () => {
  rehearsal = await rehearseRelease((line: string) => lines.push(line));
}, 1_500_000);

afterAll(() => {
  // The figures of the run, for the CI log.
  console.log(lines.join('\n'));
});

describe('release rehearsal through Verdaccio', () => {
  it('publishes every package at the version changeset gave it', () => {
    expect(Object.keys(rehearsal.versions).sort()).toEqual(Object.keys(rehearsal.published).sort());
    for (const [name, version] of Object.entries(rehearsal.versions)) {
      expect(rehearsal.published[name], name).toEqual([version]);
      expect(version, name).not.toBe('0.1.0');
    }
  });

  it('publishes with the repository the release workflow runs in, as npm provenance requires', () => {
    expect(rehearsal.publishedRepository).toEqual({ type: 'git', url: `git+${REHEARSAL_REPOSITORY_URL}.git`, directory: 'packages/client' });
  });

  it('installs the client, the mock and the contract tests by name from that registry', () => {
    for (const name of INSTALLED_BY_NAME) {
      expect(rehearsal.resolved[name], name).toMatch(new RegExp(`^${rehearsal.registryUrl.replace(/[.]/g, '\\.')}`));
    }
  });

  it('runs the mock bin through its scoped package', () => {
    expect(rehearsal.mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(rehearsal.mock.status).toBe(200);
    expect(rehearsal.mock.body).toMatchObject({ accessToken: expect.any(String) });
  });

  it('runs the contract-tests bin through its scoped package, green against the mock', () => {
    expect(rehearsal.help).toMatch(/^Usage: iodm-northbound-contract-tests/);
    expect(rehearsal.contract.code, rehearsal.contract.output).toBe(0);
    expect(rehearsal.contract.output).toMatch(/^Contract target: the mock/);
    expect(rehearsal.contract.output).toMatch(/Tests\s+\d+ passed/);
  });
});
