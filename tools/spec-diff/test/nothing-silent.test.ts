// The promise that nothing goes unreported, checked by brute force: every leaf of the fixtures
// changed, every key deleted, a key added to every object; each edited document must produce at
// least one line in some section of the report (and the comparison must not throw).
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../src/compare/index.js';
import { baseSpec, thingsSpec } from './fixtures.js';

type Edit = { name: string; apply: (document: any) => void };

/** Every edit of one node: leaves changed, keys and items deleted, a key added to each object. */
function editsOf(document: unknown): Edit[] {
  const edits: Edit[] = [];
  const walk = (value: unknown, path: Array<string | number>) => {
    const at = (root: any) => path.reduce((node, key) => node[key], root);
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    if (path.length > 0) {
      edits.push({
        name: `delete ${path.join('/')}`,
        apply: (root) => {
          const parent = parentPath.reduce((node: any, key) => node[key], root);
          if (Array.isArray(parent)) parent.splice(last as number, 1);
          else delete parent[last as string];
        },
      });
    }
    if (Array.isArray(value) && value.length > 1) {
      edits.push({ name: `reverse ${path.join('/')}`, apply: (root) => at(root).reverse() });
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
    }
    else if (value !== null && typeof value === 'object') {
      edits.push({ name: `add key under ${path.join('/')}`, apply: (root) => (at(root)['x-added'] = 1) });
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    } else if (path.length > 0) {
      const changed = typeof value === 'string' ? `${value}x` : typeof value === 'number' ? value + 1 : !value;
      edits.push({
        name: `change ${path.join('/')}`,
        apply: (root) => {
          const parent = parentPath.reduce((node: any, key) => node[key], root);
          parent[last as string | number] = changed;
        },
      });
    }
  };
  walk(document, []);
  return edits;
}

describe('nothing goes unreported', () => {
  for (const [name, fixture] of [
    ['items API', baseSpec],
    ['things API', thingsSpec],
  ] as const) {
    it(`every edit of the ${name} fixture gives at least one line`, () => {
      const silent: string[] = [];
      const edits = editsOf(fixture());
      for (const edit of edits) {
        const before = fixture();
        const after = fixture();
        edit.apply(after);
        // info.version has its own line in every report (the version and changelog section).
        if (isDeepStrictEqual(before, after) || edit.name.endsWith('info/version')) continue;
        if (compareDocuments(before, after).length === 0) silent.push(edit.name);
      }
      expect(edits.length).toBeGreaterThan(100);
      expect(silent).toEqual([]);
    });
  }
});
