import { describe, expect, it } from 'vitest';
import spec, { dereference, escapePointerSegment, followRefs, unescapePointerSegment, pointerFrom, resolvePointer, SpecPointerError } from '@iodm-northbound/spec';

const document = {
  paths: { '/a/{b}': { get: { responses: { '200': { $ref: '#/components/responses/Ok' } } } } },
  components: {
    responses: { Ok: { $ref: '#/components/responses/Real' }, Real: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } } } },
    schemas: {
      Page: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
      Item: { type: 'string' },
      'a~b/c': { type: 'integer' },
      Loop: { type: 'object', properties: { next: { $ref: '#/components/schemas/Loop' } } },
    },
  },
  list: ['zero', 'one'],
};

describe('JSON pointers', () => {
  it('escapes ~ and / in a segment, and builds a pointer from keys', () => {
    expect(escapePointerSegment('a~b/c')).toBe('a~0b~1c');
    expect(pointerFrom(['paths', '/a/{b}', 'get'])).toBe('/paths/~1a~1{b}/get');
    expect(pointerFrom([])).toBe('');
  });

  it('unescapes a token in the RFC 6901 order, the inverse of escaping', () => {
    // `~01` is an escaped "~1", not "/": ~1 is replaced first, then ~0.
    expect(unescapePointerSegment('~01')).toBe('~1');
    expect(unescapePointerSegment('a~0b~1c')).toBe('a~b/c');
    for (const key of ['', '~', '/', '~1', '~0/', '/paths/~1a', 'a~b/c~~//']) expect(unescapePointerSegment(escapePointerSegment(key))).toBe(key);
  });

  it('resolves the root, plain and #-prefixed pointers, escaped keys and array indices', () => {
    expect(resolvePointer(document, '')).toBe(document);
    expect(resolvePointer(document, '#')).toBe(document);
    expect(resolvePointer(document, '/components/schemas/Item')).toEqual({ type: 'string' });
    expect(resolvePointer(document, '#/components/schemas/a~0b~1c')).toEqual({ type: 'integer' });
    expect(resolvePointer(document, pointerFrom(['paths', '/a/{b}', 'get']))).toBe(document.paths['/a/{b}'].get);
    expect(resolvePointer(document, '/list/1')).toBe('one');
  });

  it.each([
    ['a missing key', '/components/schemas/Nope', /names nothing.*"Nope"/],
    ['a key under a string', '/components/schemas/Item/type/x', /names nothing/],
    ['an inherited property', '/components/toString', /names nothing/],
    ['a pointer without a leading slash', 'components/schemas', /is not a JSON pointer/],
  ])('throws a SpecPointerError for %s', (_label, pointer, message) => {
    expect(() => resolvePointer(document, pointer)).toThrow(SpecPointerError);
    expect(() => resolvePointer(document, pointer)).toThrow(message);
  });
});

describe('followRefs', () => {
  it('follows a chain of refs and says where the end of it sits', () => {
    const response = document.paths['/a/{b}'].get.responses['200'];
    expect(followRefs(document, response, '/paths/x/get/responses/200')).toEqual({
      value: document.components.responses.Real,
      pointer: '/components/responses/Real',
    });
  });

  it('hands back a node that is no ref with the pointer it was given', () => {
    expect(followRefs(document, { type: 'string' }, '/here')).toEqual({ value: { type: 'string' }, pointer: '/here' });
    expect(followRefs(document, 'text')).toEqual({ value: 'text', pointer: '' });
  });

  it.each([
    ['a dangling ref', { $ref: '#/components/schemas/Gone' }, /names nothing/],
    ['a ref to another file', { $ref: './Item.yaml' }, /not a local \$ref/],
    ['a ref that refers to itself', { $ref: '#/self' }, /refers back to itself/],
  ])('throws a SpecPointerError for %s', (_label, node, message) => {
    const withSelf = { ...document, self: { $ref: '#/self' } };
    expect(() => followRefs(withSelf, node)).toThrow(SpecPointerError);
    expect(() => followRefs(withSelf, node)).toThrow(message);
  });
});

describe('dereference', () => {
  it('inlines every ref, nested ones included, and leaves the input as it was', () => {
    const { Loop: _loop, ...acyclicSchemas } = document.components.schemas;
    const acyclic = { ...document, components: { ...document.components, schemas: acyclicSchemas } };
    const before = JSON.stringify(acyclic);
    const full = dereference(acyclic);
    expect(JSON.stringify(full)).not.toContain('$ref');
    expect(full.paths['/a/{b}'].get.responses['200']).toEqual({
      description: 'ok',
      content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'string' } } } } } },
    });
    expect(JSON.stringify(acyclic)).toBe(before);
  });

  it('throws a SpecPointerError on a schema that contains itself', () => {
    expect(() => dereference(document)).toThrow(SpecPointerError);
    expect(() => dereference(document)).toThrow(/Loop" contains itself/);
  });

  it('dereferences the bundled spec completely', () => {
    const full = dereference(spec);
    expect(JSON.stringify(spec)).toContain('"$ref"');
    expect(JSON.stringify(full)).not.toContain('"$ref"');
    expect(full.info).toEqual(spec.info);
  });
});
