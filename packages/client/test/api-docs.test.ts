// Editors show the JSDoc of the published declarations: every public method of the client, its
// pagers and createNorthboundClient say which typed errors they throw. Checked on the
// declarations the compiler emits with the build's own options (tsconfig.build.json).
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as client from '../src/index.js';
import * as redis from '../src/redis/index.js';

const packageDir = new URL('..', import.meta.url).pathname;
const buildOptions = ts.getParsedCommandLineOfConfigFile(`${packageDir}tsconfig.build.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!.options;

function emittedDeclarations(file: string): ts.SourceFile {
  const { outputText } = ts.transpileDeclaration(readFileSync(`${packageDir}${file}`, 'utf8'), { compilerOptions: buildOptions, fileName: file });
  return ts.createSourceFile(file.replace(/\.ts$/, '.d.ts'), outputText, ts.ScriptTarget.ES2022, true);
}

const errorClasses = new Set(
  Object.entries({ ...client, ...redis })
    .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
    .map(([name]) => name),
);

// Every call that sends a request can end in these, whatever the operation.
const anyCallThrows = [
  'ValidationError',
  'BadRequestError',
  'InvalidTokenError',
  'ThrottledError',
  'ServerError',
  'ConnectionError',
  'TimeoutError',
  'UnexpectedResponseError',
  'ResponseTooLargeError',
  'RateLimitTimeoutError',
  'CoordinatorError',
  'ClientClosedError',
];

function thrownClasses(node: ts.Node): string[] {
  return ts
    .getJSDocTags(node)
    .filter((tag) => tag.tagName.text === 'throws')
    .map((tag) => (tag as ts.JSDocThrowsTag).typeExpression?.type.getText() ?? tag.getText());
}

function memberName(member: ts.ClassElement | ts.TypeElement): string {
  return member.name ? member.name.getText() : '';
}

function declaration<Kind extends ts.Node>(file: ts.SourceFile, name: string, is: (node: ts.Node) => node is Kind): Kind {
  const found = file.statements.find((statement) => is(statement) && (statement as unknown as { name?: ts.Identifier }).name?.text === name);
  expect(found, `${name} in the emitted declarations`).toBeDefined();
  return found as unknown as Kind;
}

describe('JSDoc @throws in the emitted declarations', () => {
  const clientDts = emittedDeclarations('src/client.ts');

  it('on every method of NorthboundClient but close(), naming only exported error classes', () => {
    // NorthboundClient is its typed methods and the Python SDK's call shapes (one file each), plus close().
    const client = declaration(clientDts, 'NorthboundClient', ts.isInterfaceDeclaration);
    const extended = client.heritageClauses?.flatMap((clause) => clause.types.map((type) => type.expression.getText())) ?? [];
    expect(extended.sort()).toEqual(['PythonSdkMethods', 'TypedMethods']);
    const methods = [
      ...client.members,
      ...declaration(emittedDeclarations('src/core/typed-methods.ts'), 'TypedMethods', ts.isInterfaceDeclaration).members,
      ...declaration(emittedDeclarations('src/core/python-sdk-methods.ts'), 'PythonSdkMethods', ts.isInterfaceDeclaration).members,
    ].filter(ts.isMethodSignature);
    expect(methods.length).toBeGreaterThanOrEqual(20);
    for (const method of methods) {
      const name = memberName(method);
      if (name === 'close') continue;
      const thrown = thrownClasses(method);
      expect(thrown, `${name} has @throws`).not.toHaveLength(0);
      for (const kind of thrown) expect(errorClasses, `${name}: @throws {${kind}}`).toContain(kind);
      // A method that sends (returns a promise) names every error any call can end in; a list
      // method only its own ValidationError (the rest come from the pager).
      const sends = method.type?.getText().startsWith('Promise<') ?? false;
      expect(thrown, name).toEqual(expect.arrayContaining(sends ? anyCallThrows : ['ValidationError']));
      expect(ts.getJSDocCommentsAndTags(method).length, `${name} has a description`).toBeGreaterThan(0);
    }
  });

  it('on createNorthboundClient, with an example', () => {
    const create = declaration(clientDts, 'createNorthboundClient', ts.isFunctionDeclaration);
    expect(thrownClasses(create)).toEqual(['ValidationError']);
    expect(ts.getJSDocTags(create).some((tag) => tag.tagName.text === 'example')).toBe(true);
  });

  it("on the pager's pages(), toArray() and async iteration", () => {
    const pager = declaration(emittedDeclarations('src/core/pagination.ts'), 'PageIterator', ts.isClassDeclaration);
    const walking = pager.members.filter((member) => ts.isMethodDeclaration(member) && ['pages', 'toArray', '[Symbol.asyncIterator]'].includes(memberName(member)));
    expect(walking).toHaveLength(3);
    for (const member of walking) {
      expect(thrownClasses(member), memberName(member)).toEqual(expect.arrayContaining([...anyCallThrows.filter((kind) => kind !== 'ValidationError'), 'AbortError']));
    }
  });
});
