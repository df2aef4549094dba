// JSON pointers (RFC 6901) and local `$ref`s over a parsed OpenAPI document. The bundled spec
// holds only `#/...` refs, so resolving one is a walk from the document's root.

/** A pointer or `$ref` that does not lead anywhere in the document (or leads in a circle). */
export class SpecPointerError extends Error {
  override name = 'SpecPointerError';
  constructor(
    message: string,
    /** The pointer (or `$ref` value) that could not be followed. */
    readonly pointer: string,
  ) {
    super(message);
  }
}

/** One reference token escaped for a pointer: `~` -> `~0`, `/` -> `~1`. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** One reference token of a pointer, unescaped: `~1` -> `/`, then `~0` -> `~` (in that order, RFC 6901). */
export function unescapePointerSegment(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The pointer of a path of keys, e.g. `['paths', '/a/{b}', 'get']` -> `/paths/~1a~1{b}/get`. */
export function pointerFrom(segments: ReadonlyArray<string | number>): string {
  return segments.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

const isContainer = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

/**
 * The value a pointer names. Takes `''` (the root), `/a/b` or a `$ref`-style `#/a/b`; throws
 * SpecPointerError when a token names nothing.
 */
export function resolvePointer(document: unknown, pointer: string): unknown {
  const bare = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (bare === '') return document;
  if (!bare.startsWith('/')) throw new SpecPointerError(`"${pointer}" is not a JSON pointer (it must start with "/" or "#/")`, pointer);
  let node: unknown = document;
  for (const token of bare.slice(1).split('/')) {
    const key = unescapePointerSegment(token);
    if (!isContainer(node) || !Object.hasOwn(node, key)) throw new SpecPointerError(`"${pointer}" names nothing in the document (no "${key}")`, pointer);
    node = node[key];
  }
  return node;
}

/** A value with the pointer of where it sits in the document. */
export interface Located<T = unknown> {
  value: T;
  /** JSON pointer of `value` (`''` is the root). */
  pointer: string;
}

/**
 * Follows `$ref`s from a node until it reaches one that is not a reference, and says where that
 * one sits. `pointer` is where `node` itself sits; it is returned unchanged when `node` is no
 * `$ref`. Only local refs (`#/...`) are followed: anything else, a dangling ref or a ref chain
 * that comes back to itself throws SpecPointerError.
 */
export function followRefs(document: unknown, node: unknown, pointer = ''): Located {
  let current = node;
  let at = pointer;
  const visited = new Set<string>();
  while (isContainer(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#')) throw new SpecPointerError(`"${ref}" is not a local $ref (bundle the document first)`, ref);
    if (visited.has(ref)) throw new SpecPointerError(`"${ref}" refers back to itself`, ref);
    visited.add(ref);
    at = ref.slice(1);
    current = resolvePointer(document, ref);
  }
  return { value: current, pointer: at };
}

/**
 * A copy of the document with every local `$ref` replaced by (a copy of) what it names. Throws
 * SpecPointerError on a dangling or non-local ref, and on a circular one (a schema that contains
 * itself cannot be written out in full).
 */
export function dereference<T>(document: T): T {
  const expand = (node: unknown, inProgress: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => expand(item, inProgress));
    if (!isContainer(node)) return node;
    if (typeof node.$ref === 'string') {
      const { value, pointer } = followRefs(document, node);
      if (inProgress.includes(pointer)) throw new SpecPointerError(`"#${pointer}" contains itself; it cannot be dereferenced in full`, `#${pointer}`);
      return expand(value, [...inProgress, pointer]);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, expand(value, inProgress)]));
  };
  return expand(document, []) as T;
}
