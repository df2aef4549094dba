// A pull request's spec reaches only its own folder: every `$ref` to another file outside
// openapi/, an absolute path or a URL stops the gate (exit 3) before anything is read or fetched,
// naming the ref and the file that holds it.
import { rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HostileRepo } from './hostile-repo.js';

let repo: HostileRepo;
beforeAll(async () => {
  repo = await HostileRepo.create();
});
beforeEach(async () => {
  await repo.reset();
});
afterAll(async () => {
  await repo?.remove();
});

const petWithOrigin = (ref: string) => `type: object\nproperties:\n  name:\n    type: string\nx-origin:\n  $ref: ${JSON.stringify(ref)}\n`;
const petAs = (ref: string) => `$ref: ${JSON.stringify(ref)}\n`;

/** The gate refused, named the ref and its file, and leaked nothing. */
async function expectRefused(ref: string, holder: string) {
  const result = await repo.pullRequestGate();
  expect(result.exitCode).toBe(3);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(`$ref ${JSON.stringify(ref)} in ${JSON.stringify(holder)} is refused`);
  expect(`${result.stdout}${result.stderr}`).not.toContain(repo.canary);
  expect(repo.requests).toEqual([]);
}

describe('a $ref that leaves the spec folder', () => {
  it('to a file beside openapi/', async () => {
    await repo.writeFile('openapi/pet.yaml', petWithOrigin('../secret.env'));
    await expectRefused('../secret.env', 'pet.yaml');
  });

  it('spelt with percent-encoding or a backslash', async () => {
    await repo.writeFile('openapi/pet.yaml', petAs('%2e%2e/secret.env'));
    await expectRefused('%2e%2e/secret.env', 'pet.yaml');
    await repo.writeFile('openapi/pet.yaml', petAs('..\\secret.env'));
    await expectRefused('..\\secret.env', 'pet.yaml');
  });

  it('as an absolute path or a file: URL', async () => {
    const absolute = join(repo.dir, 'secret.env');
    await repo.writeFile('openapi/pet.yaml', petAs(absolute));
    await expectRefused(absolute, 'pet.yaml');
    await repo.writeFile('openapi/pet.yaml', petAs(`file://${absolute}`));
    await expectRefused(`file://${absolute}`, 'pet.yaml');
  });

  it('as an http URL or a scheme-relative one: nothing is fetched', async () => {
    await repo.writeFile('openapi/pet.yaml', petWithOrigin(`${repo.loggerUrl}/pet.yaml`));
    await expectRefused(`${repo.loggerUrl}/pet.yaml`, 'pet.yaml');
    const schemeRelative = repo.loggerUrl.replace('http:', '');
    await repo.writeFile('openapi/openapi.yaml', (await import('./hostile-repo.js')).baseSpec.replace('./pet.yaml', schemeRelative));
    await expectRefused(schemeRelative, 'openapi.yaml');
  });

  it('through a symbolic link inside the folder', async () => {
    await symlink(join(repo.dir, 'secret.env'), join(repo.dir, 'openapi', 'origin.yaml'));
    await repo.writeFile('openapi/pet.yaml', petWithOrigin('./origin.yaml'));
    await expectRefused('./origin.yaml', 'pet.yaml');
  });

  it('two files deep, past a ref that stays inside', async () => {
    await repo.writeFile('openapi/pet.yaml', petAs('./more/pet.yaml'));
    await repo.writeFile('openapi/more/pet.yaml', petWithOrigin('../../secret.env'));
    await expectRefused('../../secret.env', 'more/pet.yaml');
  });

  it('a changelog that is a link out of the spec folder', async () => {
    await repo.writeFile('secret.env', `## [Unreleased]\n\n- SECRET_TOKEN=${repo.canary}\n`);
    await rm(join(repo.dir, 'openapi', 'CHANGELOG.md'));
    await symlink(join(repo.dir, 'secret.env'), join(repo.dir, 'openapi', 'CHANGELOG.md'));
    await repo.writeFile('openapi/pet.yaml', 'type: object\n');
    const result = await repo.pullRequestGate();
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/openapi\/CHANGELOG\.md in the working tree: ".*CHANGELOG\.md" is a link that leaves its folder/);
    expect(`${result.stdout}${result.stderr}`).not.toContain(repo.canary);
  });
});
