// What openapi-diff is shown: only the path items that differ once `$ref`s are followed.
import { describe, expect, it } from 'vitest';
import { withoutUnchangedPaths } from '../src/unchanged-paths.js';
import { baseSpec } from './fixtures.js';

const items = '/tasks/{taskId}/items';

/** The items API with a second path that uses none of its schemas. */
function twoPaths(): any {
  const document = baseSpec();
  document.paths['/health'] = { get: { responses: { '200': { description: 'Up' } } } };
  return document;
}

const pathsShown = (before: any, after: any) => {
  const shown = withoutUnchangedPaths(before, after);
  return [Object.keys(shown.before.paths as object), Object.keys(shown.after.paths as object)];
};

describe('paths shown to openapi-diff', () => {
  it('leaves out every path item of equal documents, and keeps the rest of the document', () => {
    const shown = withoutUnchangedPaths(twoPaths(), twoPaths());
    expect(shown.before).toEqual({ ...twoPaths(), paths: {} });
    expect(shown.after.components).toEqual(twoPaths().components);
  });

  it('keeps a path whose schema changed behind a $ref, a recursive one included', () => {
    const after = twoPaths();
    after.components.schemas.Item.properties.note.maxLength = 10;
    expect(pathsShown(twoPaths(), after)).toEqual([[items], [items]]);
  });

  it('keeps a path whose own fields changed, and leaves out the one that did not', () => {
    const after = twoPaths();
    after.paths['/health'].get.summary = 'Is it up';
    expect(pathsShown(twoPaths(), after)).toEqual([['/health'], ['/health']]);
  });

  it('keeps paths that exist on one side only', () => {
    const after = twoPaths();
    delete after.paths['/health'];
    after.paths['/status'] = { get: { responses: { '200': { description: 'Up' } } } };
    expect(pathsShown(twoPaths(), after)).toEqual([['/health'], ['/status']]);
  });

  it('counts a schema moved into a component unchanged, but not a $ref with siblings', () => {
    const moved = twoPaths();
    moved.paths[items].get.parameters[1].schema = { $ref: '#/components/schemas/Limit' };
    moved.components.schemas.Limit = { type: 'integer', minimum: 1, maximum: 100 };
    expect(pathsShown(twoPaths(), moved)).toEqual([[], []]);
    moved.paths[items].get.parameters[1].schema.description = 'How many.';
    expect(pathsShown(twoPaths(), moved)).toEqual([[items], [items]]);
  });

  it('keeps a path whose $ref names nothing', () => {
    const after = twoPaths();
    after.paths[items].get.parameters[0].schema = { $ref: '#/components/schemas/Missing' };
    const before = twoPaths();
    before.paths[items].get.parameters[0].schema = { $ref: '#/components/schemas/Missing' };
    expect(pathsShown(before, after)).toEqual([[items], [items]]);
  });
});
