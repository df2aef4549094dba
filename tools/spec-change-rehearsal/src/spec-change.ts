// Issue 18's spec change, made only under openapi/ of a scratch clone: the subtask query's page
// size up to 200 (the other lists stay at 100), a subtask status `cancelled`, and an optional
// query parameter `deviceType` (string, at most 64 characters) on the subtask query. Being
// breaking (a response enum widens), it is recorded as a major release, as the spec gate asks.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withReleaseEntry } from './changelog-release.js';
import { withEnumValue, withMajorVersionBump, withOwnParameter, withQueryParameter, withSchemaBounds } from './spec-edits.js';

const SUBTASK_PAGE_SIZE_MAX = 200;
const NEW_SUBTASK_STATUS = 'cancelled';
const NEW_QUERY_PARAMETER = { name: 'deviceType', maxLength: 64 } as const;

/** The files the change writes, relative to the repository root: all under openapi/. */
export const SPEC_FILES = {
  root: 'openapi/openapi.yaml',
  changelog: 'openapi/CHANGELOG.md',
  subtaskPath: 'openapi/paths/iodm_operations_subOperations.yaml',
  sharedPageSize: 'openapi/components/parameters/pageSize.yaml',
  subtaskPage: 'openapi/components/schemas/QueryUpgradeSubTaskOutDTO.yaml',
  subtaskStatus: 'openapi/components/schemas/SubOperationStatus.yaml',
} as const;

/** The three edits on the subtask query's path file. */
export function editSubtaskPath(pathYaml: string, sharedPageSizeYaml: string): string {
  const ownPageSize = withOwnParameter(pathYaml, '../components/parameters/pageSize.yaml', sharedPageSizeYaml, {
    schema: { maximum: SUBTASK_PAGE_SIZE_MAX },
    description: `The number of subtasks per page, 1 to ${SUBTASK_PAGE_SIZE_MAX}. Default 10. A value outside that range is answered with 400 and \`error_code\` \`123029\`.\n`,
  });
  return withQueryParameter(ownPageSize, {
    name: NEW_QUERY_PARAMETER.name,
    description: `Only return subtasks of devices of this type (at most ${NEW_QUERY_PARAMETER.maxLength} characters).`,
    schema: { type: 'string', maxLength: NEW_QUERY_PARAMETER.maxLength },
  });
}

/** The lines of the release entry, by subsection. */
const RELEASE_NOTES = {
  Breaking: [
    `Subtask status \`${NEW_SUBTASK_STATUS}\` (\`SubOperationStatus\`): answers may now hold it, and the \`subOperationStatus\` filter takes it.`,
    `A subtask page's \`pageSize\` may now be up to ${SUBTASK_PAGE_SIZE_MAX}.`,
  ],
  Added: [`The subtask query takes \`${NEW_QUERY_PARAMETER.name}\` (at most ${NEW_QUERY_PARAMETER.maxLength} characters).`],
  Changed: [`The subtask query's \`pageSize\` goes up to ${SUBTASK_PAGE_SIZE_MAX} (its own parameter now; the task and package lists stay at 100).`],
};

/** Makes the change in the clone at `root`; returns the files written (relative) and the new version. */
export async function applySpecChange(root: string, date: string): Promise<{ written: string[]; version: string }> {
  const read = (file: string) => readFile(join(root, file), 'utf8');
  const texts = new Map<string, string>();

  texts.set(SPEC_FILES.subtaskPath, editSubtaskPath(await read(SPEC_FILES.subtaskPath), await read(SPEC_FILES.sharedPageSize)));
  texts.set(SPEC_FILES.subtaskPage, withSchemaBounds(await read(SPEC_FILES.subtaskPage), ['properties', 'pageSize'], { maximum: SUBTASK_PAGE_SIZE_MAX }));
  texts.set(SPEC_FILES.subtaskStatus, withEnumValue(await read(SPEC_FILES.subtaskStatus), NEW_SUBTASK_STATUS, 'the subtask was cancelled before it ran.'));
  const bump = withMajorVersionBump(await read(SPEC_FILES.root));
  texts.set(SPEC_FILES.root, bump.text);
  texts.set(SPEC_FILES.changelog, withReleaseEntry(await read(SPEC_FILES.changelog), bump.to, date, RELEASE_NOTES));

  for (const [file, text] of texts) await writeFile(join(root, file), text);
  return { written: [...texts.keys()], version: bump.to };
}
