import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import spec, { loadSpec, specPath, specYamlPath } from '@iodm-northbound/spec';
// @ts-expect-error -- plain ESM build script without declarations; it is the bundler itself.
import { distDir } from '../scripts/bundle.mjs';

const bundledYaml = await readFile(join(distDir, 'openapi.yaml'), 'utf8');
const bundledJson = await readFile(join(distDir, 'openapi.json'), 'utf8');

/** Every `$ref` value anywhere in the document, with the JSON pointer where it sits. */
function collectRefs(node: unknown, pointer = '#', found: Array<{ at: string; ref: string }> = []) {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) collectRefs(item, `${pointer}/${index}`, found);
  }
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push({ at: pointer, ref: value });
      else collectRefs(value, `${pointer}/${key}`, found);
    }
  }
  return found;
}

describe('the bundled spec in dist/', () => {
  it('is one self-contained file: every $ref points inside the document and resolves', () => {
    const document = parseYaml(bundledYaml);
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(10);
    const external = refs.filter(({ ref }) => !ref.startsWith('#/'));
    expect(external).toEqual([]);
    const unresolved = refs.filter(({ ref }) => {
      let target: unknown = document;
      for (const segment of ref.slice(2).split('/')) {
        const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
        target = target !== null && typeof target === 'object' ? (target as Record<string, unknown>)[key] : undefined;
      }
      return target === undefined;
    });
    expect(unresolved).toEqual([]);
  });

  it('says the same thing in JSON as in YAML', () => {
    expect(JSON.parse(bundledJson)).toEqual(parseYaml(bundledYaml));
  });

  it('carries the ten operations of the contract', () => {
    const document = parseYaml(bundledYaml);
    const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((pathItem) => Object.values(pathItem).map((operation) => operation.operationId))
      .filter(Boolean)
      .sort();
    expect(operationIds).toEqual([
      'createFirmwareUpgradeTask',
      'createSoftwareUpgradeTask',
      'deleteUpgradePackage',
      'getAuthToken',
      'queryUpgradePackage',
      'queryUpgradePackageList',
      'queryUpgradeSubTask',
      'queryUpgradeTask',
      'queryUpgradeTaskList',
      'refreshAuthToken',
    ]);
  });
});

describe('the package entry point', () => {
  it('default-exports the parsed bundle and points at its files', async () => {
    expect(spec).toEqual(JSON.parse(bundledJson));
    expect(specPath).toBe(join(distDir, 'openapi.json'));
    expect(specYamlPath).toBe(join(distDir, 'openapi.yaml'));
    expect(parseYaml(await readFile(specYamlPath, 'utf8'))).toEqual(spec);
  });

  it('hands out copies from loadSpec(), so one importer cannot change what another sees', () => {
    const copy = loadSpec();
    copy.info.version = '0.0.0-mutated';
    expect(spec.info.version).not.toBe('0.0.0-mutated');
    expect(loadSpec()).toEqual(spec);
  });
});
