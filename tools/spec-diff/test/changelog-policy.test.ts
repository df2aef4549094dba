// The recording policy on real before/after pairs: a change that leaves `info.version` alone is
// recorded under `## [Unreleased]`; a release moves those lines into its dated entry. The base is
// the real spec at 1.0.0 with the small changelog of spec-repo.ts (empty [Unreleased]).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SpecRepo } from './spec-repo.js';

// One repository for the whole file, reset to the base commit before each test.
let repo: SpecRepo;
beforeAll(async () => {
  repo = await SpecRepo.create();
});
beforeEach(async () => {
  await repo.reset();
});
afterAll(async () => {
  await repo?.remove();
});

/** A change every client can ignore: an operation's summary. */
async function renameSummary(repo: SpecRepo, summary = 'List the subtasks of an upgrade task'): Promise<void> {
  await repo.editYaml('openapi/paths/iodm_operations_subOperations.yaml', (pathItem) => {
    pathItem.get.summary = summary;
  });
}

/** A breaking change: a new required query parameter. */
async function addRequiredParameter(repo: SpecRepo): Promise<void> {
  await repo.editYaml('openapi/paths/iodm_operations_subOperations.yaml', (pathItem) => {
    pathItem.get.parameters.push({ name: 'deviceType', in: 'query', required: true, schema: { type: 'string' } });
  });
}

describe('changes recorded under ## [Unreleased]', () => {
  it('passes a non-breaking change with the same info.version and a new [Unreleased] line', async () => {
    await renameSummary(repo);
    await repo.addUnreleased('### Changed\n\n- The subtask query has a clearer summary.');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('- ✅ `info.version`: 1.0.0 → 1.0.0\n');
    expect(stdout).toContain('- ✅ `openapi/CHANGELOG.md` records it under `## [Unreleased]` (1 new line)');
    expect(stdout).not.toContain('❌');
  });

  it('does not count the lines [Unreleased] already had at the base', async () => {
    await renameSummary(repo);
    await repo.addUnreleased('### Changed\n\n- The subtask query has a clearer summary.');
    await repo.commit('recorded change');
    await renameSummary(repo, 'Subtasks of an upgrade task, page by page');
    expect((await repo.gate('HEAD')).exitCode).toBe(2);
    // Rewording the base's line is not a record either; a line of its own is.
    await repo.addUnreleased('- The subtask query has a clearer summary.');
    expect((await repo.gate('HEAD')).exitCode).toBe(2);
    await repo.addUnreleased('- The subtask query says it pages.');
    const { exitCode, stdout } = await repo.gate('HEAD');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('(1 new line)');
    // Against the commit before both, the two changes and their two lines are checked together.
    expect((await repo.gate('main')).exitCode).toBe(0);
  });

  it('a breaking change stays exit 1 when it is only recorded under [Unreleased]', async () => {
    await addRequiredParameter(repo);
    await repo.addUnreleased('### Changed\n\n- The subtask query needs `deviceType`.');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(1);
    expect(stdout).toContain('Breaking changes need a major version bump: `info.version` 1.0.0 → 1.0.0, expected 2.0.0.');
    expect(stdout).not.toContain('record it under');
  });

  it('fails (exit 2) on a lower info.version, whatever [Unreleased] says', async () => {
    await renameSummary(repo);
    await repo.setSpecVersion('0.9.0');
    await repo.addUnreleased('- The subtask query has a clearer summary.');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(2);
    expect(stdout).toContain('- ❌ `info.version`: 1.0.0 → 0.9.0');
    expect(stdout).toContain('went down (1.0.0 → 0.9.0)');
  });
});

describe('a release empties ## [Unreleased] into its dated entry', () => {
  it('fails (exit 2) on a release that leaves lines under [Unreleased], naming them', async () => {
    await renameSummary(repo);
    await repo.addUnreleased('### Changed\n\n- The subtask query has a clearer summary.\n- Left behind too.');
    await repo.release('1.1.0');
    const { exitCode, stdout } = await repo.gate('main');
    expect(exitCode).toBe(2);
    expect(stdout).toContain('- ✅ `openapi/CHANGELOG.md` has the entry `## [1.1.0] - 2026-11-26`');
    expect(stdout).toContain(
      '`## [Unreleased]` in `openapi/CHANGELOG.md` still has 2 lines after the release of 1.1.0: move them into `## [1.1.0]` ' +
        '(`- The subtask query has a clearer summary.`; `- Left behind too.`).'
    );
  });

  it('passes a release whose [Unreleased] kept only its empty subheadings, or was removed', async () => {
    await renameSummary(repo);
    await repo.addUnreleased('### Added\n\n### Changed');
    await repo.release('1.1.0');
    expect((await repo.gate('main')).exitCode).toBe(0);
    await repo.writeFile('openapi/CHANGELOG.md', '# Changelog\n\n## [1.1.0] - 2026-11-26\n\n- A clearer summary.\n');
    expect((await repo.gate('main')).exitCode).toBe(0);
  });

  it('a major release with the breaking change and the base’s [Unreleased] lines moved into it passes', async () => {
    await renameSummary(repo);
    await repo.addUnreleased('### Changed\n\n- The subtask query has a clearer summary.');
    await repo.commit('recorded change');
    await repo.writeFile(
      'openapi/CHANGELOG.md',
      '# Changelog\n\n## [Unreleased]\n\n## [2.0.0] - 2026-11-26\n\n### Breaking\n\n- The subtask query needs `deviceType`.\n\n' +
        '### Changed\n\n- The subtask query has a clearer summary.\n\n## [1.0.0] - 2026-11-25\n\n- The first version.\n'
    );
    await addRequiredParameter(repo);
    await repo.setSpecVersion('2.0.0');
    for (const base of ['HEAD', 'main']) {
      const { exitCode, stdout } = await repo.gate(base);
      expect(exitCode, base).toBe(0);
      expect(stdout).toContain('1.0.0 → 2.0.0 (major bump)');
    }
  });
});
