// Names from the spec are ordinary strings: a format, keyword or property named after a
// member of Object.prototype is compared like any other, never looked up on the prototype.
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../src/compare/index.js';
import { baseSpec } from './fixtures.js';

const prototypeNames = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

/** The rules of the findings between the base spec and one changed by `change`. */
function rulesAfter(change: (document: any) => void, setup: (document: any) => void = () => {}): string[] {
  const before = baseSpec();
  const after = baseSpec();
  setup(before);
  setup(after);
  change(after);
  return compareDocuments(before, after).map((finding) => finding.rule);
}

/** Defines an own property, `__proto__` included (an assignment would set the prototype). */
const define = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });

describe('prototype names in the spec', () => {
  it('a format named after a prototype member is a changed format, not a crash', () => {
    for (const name of prototypeNames) {
      const note = (document: any) => document.components.schemas.Item.properties.note;
      expect(rulesAfter((document) => (note(document).format = name)), name).toEqual(['format-added']);
      expect(
        rulesAfter(
          (document) => (note(document).format = name),
          (document) => (note(document).format = 'int32')
        ),
        name
      ).toEqual(['format-changed']);
    }
  });

  it('a keyword named after a prototype member is an unclassified keyword change, not "means the same"', () => {
    for (const name of prototypeNames) {
      const note = (document: any) => document.components.schemas.Item.properties.note;
      expect(
        rulesAfter(
          (document) => define(note(document), name, 2),
          (document) => define(note(document), name, 1)
        ),
        name
      ).toEqual(['schema-keyword-changed']);
    }
  });

  it('a property named after a prototype member is added and removed like any other', () => {
    for (const name of prototypeNames) {
      const properties = (document: any) => document.components.schemas.Item.properties;
      expect(rulesAfter((document) => define(properties(document), name, { type: 'string' })), name).toEqual(['property-added-optional']);
      expect(
        rulesAfter(
          (document) => delete properties(document)[name],
          (document) => define(properties(document), name, { type: 'string' })
        ),
        name
      ).toEqual(['property-removed']);
    }
  });
});
