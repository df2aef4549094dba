// The change as the rehearsal makes it, on a copy of this repository's own spec files: the
// subtask query gets its own pageSize (maximum 200) and deviceType; the shared pageSize that the
// other lists use keeps 100; only openapi/ is written.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applySpecChange, editSubtaskPath, SPEC_FILES } from '../src/spec-change.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const repoText = (file: string) => readFile(join(repoRoot, file), 'utf8');

let scratch: string | undefined;
afterEach(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe('editSubtaskPath', () => {
  it("gives the subtask query its own pageSize up to 200 and a deviceType of at most 64 characters", async () => {
    const edited = parse(editSubtaskPath(await repoText(SPEC_FILES.subtaskPath), await repoText(SPEC_FILES.sharedPageSize)));
    const parameters = edited.get.parameters as Record<string, any>[];
    expect(parameters.find((parameter) => parameter.name === 'pageSize')).toMatchObject({ in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } });
    expect(parameters.find((parameter) => parameter.name === 'deviceType')).toMatchObject({ in: 'query', required: false, schema: { type: 'string', maxLength: 64 } });
    expect(parameters.some((parameter) => parameter.$ref === '../components/parameters/pageSize.yaml')).toBe(false);
  });
});

describe('applySpecChange', () => {
  it('writes only files under openapi/, bumps the major version and leaves the shared pageSize at 100', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'iodm-spec-edit-'));
    await cp(join(repoRoot, 'openapi'), join(scratch, 'openapi'), { recursive: true });
    const before = parse(await repoText('openapi/openapi.yaml')).info.version as string;

    const { written, version } = await applySpecChange(scratch, '2026-12-05');

    expect(written.every((file) => file.startsWith('openapi/'))).toBe(true);
    expect(Number(version.split('.')[0])).toBe(Number(before.split('.')[0]) + 1);
    const read = (file: string) => readFile(join(scratch!, file), 'utf8');
    expect(parse(await read(SPEC_FILES.root)).info.version).toBe(version);
    expect(await read(SPEC_FILES.changelog)).toContain(`## [${version}] - 2026-12-05`);
    expect(parse(await read(SPEC_FILES.subtaskStatus)).enum).toContain('cancelled');
    expect(parse(await read(SPEC_FILES.subtaskPage)).properties.pageSize.maximum).toBe(200);
    expect(await read(SPEC_FILES.sharedPageSize)).toBe(await repoText(SPEC_FILES.sharedPageSize));
  });
});
