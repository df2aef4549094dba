// Reads a multi-file spec from pull-request content without leaving its folder: every `$ref` is
// checked before the file it names is read, and nothing is fetched. A ref to a file outside the
// root spec's folder, an absolute path or any URL stops the load, naming the ref and its file.
// YAML aliases are held to a limit on what they expand to, so a small file cannot become gigabytes.
// Synchronous reads: a CLI with nothing else to do; a spec is dozens of small files.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { BaseResolver, parseYaml, Source } from '@redocly/openapi-core';
import { SpecDiffInputError } from './errors.js';

/** Limits on what one spec may cost to read: beyond them the gate could not run (exit 3). */
const loadLimits = {
  /** Nodes one file may hold once its YAML aliases are expanded: a 1 KB alias bomb holds billions. */
  expandedNodes: 200_000,
  files: 1000,
  bytesPerFile: 16 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
} as const;

export type JsonObject = { [key: string]: unknown };

export interface ConfinedSpec {
  /** The folder every file of the spec lies in (real path). */
  root: string;
  /** The root spec file (real path). */
  rootFile: string;
  /** Every file the spec's `$ref`s reach, by real path and as the bundler names it, with its text. */
  files: Map<string, string>;
  /** The same files parsed (once: the bundler gets these). */
  documents: Map<string, unknown>;
}

const refused = (label: string, message: string) => new SpecDiffInputError('SPEC_REF_REFUSED', `${label}: ${message}`);

/**
 * How many nodes a parsed document holds with its aliases expanded, counted once per shared node
 * (the parser shares an aliased node, it does not copy it), stopping past `limit`.
 */
function expandedSize(document: unknown, limit: number): number {
  if (document === null || typeof document !== 'object') return 1;
  const sizes = new Map<object, number>();
  const stack: Array<{ node: object; entered: boolean }> = [{ node: document, entered: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: object; entered: boolean };
    const children = Object.values(top.node).filter((value): value is object => value !== null && typeof value === 'object');
    if (!top.entered) {
      top.entered = true;
      for (const child of children) if (!sizes.has(child)) stack.push({ node: child, entered: false });
      continue;
    }
    stack.pop();
    if (sizes.has(top.node)) continue;
    let size = 1 + Object.keys(top.node).length;
    for (const child of children) size += sizes.get(child) ?? 0;
    if (size > limit) return size;
    sizes.set(top.node, size);
  }
  return sizes.get(document) ?? 1;
}

/**
 * Parses one YAML or JSON file as the bundler does (Redocly's parser), then refuses it when its
 * aliases expand past the limit; a parse failure names the file.
 */
function parseSpecText(text: string, file: string, label: string): unknown {
  let document: unknown;
  try {
    document = parseYaml(text, { filename: file });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]?.slice(0, 200) ?? '';
    throw new SpecDiffInputError('SPEC_INVALID', `${label}: ${JSON.stringify(file)} cannot be parsed: ${reason}`);
  }
  if (expandedSize(document, loadLimits.expandedNodes) > loadLimits.expandedNodes) {
    throw refused(label, `${JSON.stringify(file)} cannot be parsed: its YAML aliases expand it past ${loadLimits.expandedNodes} nodes (an alias bomb, say).`);
  }
  return document;
}

/** Why a `$ref`'s file part may not be followed, or undefined when it stays a relative path. */
function refusalOf(filePart: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(filePart);
  } catch {
    return 'it is not a valid URI reference';
  }
  for (const candidate of [filePart, decoded]) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(candidate) || candidate.startsWith('//')) return 'a URL: nothing is fetched';
    if (isAbsolute(candidate) || candidate.startsWith('\\')) return 'an absolute path';
    if (candidate.includes('\\') || candidate.includes('\0')) return 'a path with a backslash or NUL';
  }
  return undefined;
}

function isInside(root: string, path: string): boolean {
  const way = relative(root, path);
  return way === '' || (!way.startsWith(`..${sep}`) && way !== '..' && !isAbsolute(way));
}

/** Every `$ref` string in a parsed document, walked without recursion (deep nesting is data too). */
function refsIn(document: unknown): string[] {
  const refs: string[] = [];
  const stack: unknown[] = [document];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) stack.push(...node);
    else
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.push(value);
        else stack.push(value);
      }
  }
  return refs;
}

/**
 * Reads the root spec and every file its `$ref`s name, breadth first. Each ref is judged before
 * its target is touched: a URL or an absolute path is refused as written; a relative path must
 * resolve, symlinks followed, inside the root spec's folder.
 */
export async function loadConfinedSpec(rootFile: string, label: string): Promise<ConfinedSpec> {
  let realRoot: string;
  try {
    realRoot = realpathSync(rootFile);
  } catch (error) {
    throw new SpecDiffInputError('SPEC_NOT_FOUND', `${label}: ${rootFile} cannot be read.`, { cause: error });
  }
  const root = dirname(realRoot);
  const files = new Map<string, string>();
  const documents = new Map<string, unknown>();
  // Each file as the bundler will name it (its holder's path joined with the ref) and its real path.
  const queue = [{ reached: realRoot, real: realRoot }];
  const read = new Set<string>();
  let totalBytes = 0;
  while (queue.length > 0) {
    const { reached, real: file } = queue.shift() as { reached: string; real: string };
    if (read.has(file)) {
      files.set(reached, files.get(file) as string);
      documents.set(reached, documents.get(file));
      continue;
    }
    const shown = relative(root, file) || file;
    if (read.size >= loadLimits.files) throw refused(label, `the spec reaches more than ${loadLimits.files} files.`);
    const info = statSync(file);
    if (!info.isFile()) continue; // a folder: the bundler reports it as a broken ref
    totalBytes += info.size;
    if (info.size > loadLimits.bytesPerFile || totalBytes > loadLimits.totalBytes) {
      throw refused(
        label,
        `${JSON.stringify(shown)} takes the spec over its size limit (${loadLimits.bytesPerFile} bytes a file, ${loadLimits.totalBytes} in all).`
      );
    }
    const text = readFileSync(file, 'utf8');
    read.add(file);
    const document = parseSpecText(text, shown, label);
    files.set(file, text);
    files.set(reached, text);
    documents.set(file, document);
    documents.set(reached, document);
    for (const ref of refsIn(document)) {
      const filePart = ref.split('#')[0] ?? '';
      if (filePart === '') continue;
      const refusal = refusalOf(filePart);
      const named = `$ref ${JSON.stringify(ref)} in ${JSON.stringify(shown)}`;
      if (refusal !== undefined) throw refused(label, `${named} is refused: ${refusal}; refs stay inside the spec's folder.`);
      const targets = [resolve(dirname(reached), filePart), resolve(dirname(file), decodeURIComponent(filePart))];
      if (!targets.every((target) => isInside(root, target))) throw refused(label, `${named} is refused: it leaves the spec's folder.`);
      let real: string;
      try {
        real = realpathSync(targets[0] as string);
      } catch {
        continue; // a ref to nothing: the bundler reports it as a broken ref
      }
      if (!isInside(root, real)) throw refused(label, `${named} is refused: it is a link that leaves the spec's folder.`);
      queue.push({ reached: targets[0] as string, real });
    }
  }
  return { root, rootFile: realRoot, files, documents };
}

/**
 * The bundler's file reader, held to what loadConfinedSpec admitted: it serves those texts, never
 * the disk or the network, and parses with the alias limit.
 */
export class ConfinedResolver extends BaseResolver {
  constructor(
    private readonly spec: ConfinedSpec,
    private readonly label: string
  ) {
    super({ http: { headers: [] } });
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const text = this.spec.files.get(absoluteRef);
    if (text !== undefined) return new Source(absoluteRef, text);
    // Not admitted: outside the folder (found through a path loadConfinedSpec did not see) or absent.
    if (!isInside(this.spec.root, absoluteRef)) throw refused(this.label, `the bundler asked for ${JSON.stringify(absoluteRef)}, outside the spec's folder.`);
    throw new Error(`${relative(this.spec.root, absoluteRef)} does not exist`);
  }

  override parseDocument(source: Source): { source: Source; parsed: unknown } {
    const parsed = this.spec.documents.has(source.absoluteRef)
      ? this.spec.documents.get(source.absoluteRef)
      : parseSpecText(source.body, relative(this.spec.root, source.absoluteRef), this.label);
    return { source, parsed };
  }
}

/** Every `$ref` left in a bundled document must be internal (`#/...`): openapi-diff follows any other. */
export function assertInternalRefs(document: JsonObject, label: string): void {
  const external = refsIn(document).find((ref) => !ref.startsWith('#'));
  if (external !== undefined) throw refused(label, `$ref ${JSON.stringify(external)} is left unresolved by the bundler; refs stay inside the spec's folder.`);
}

/**
 * A text file of pull-request content beside the spec (its changelog), or undefined when it does
 * not exist; refused when a link takes it out of its own folder.
 */
export function readConfinedFile(file: string, label: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined;
  }
  if (!isInside(realpathSync(dirname(file)), real)) throw refused(label, `${JSON.stringify(file)} is a link that leaves its folder.`);
  const info = statSync(real);
  if (!info.isFile()) return undefined;
  if (info.size > loadLimits.bytesPerFile) throw refused(label, `${JSON.stringify(file)} is over ${loadLimits.bytesPerFile} bytes.`);
  return readFileSync(real, 'utf8');
}
