// A source map in a tarball is only useful if the files it names are in the tarball too:
// otherwise stack traces and debuggers point at paths the consumer does not have.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Findings for every `.map` of the tarball whose `sources` are not in the tarball.
 * @param {string} tarball path of an `npm pack` tarball
 * @param {string[]} files the paths `npm pack` reported, relative to the package root
 * @returns {Promise<string[]>}
 */
export async function sourceMapFindings(tarball, files) {
  const maps = files.filter((file) => file.endsWith('.map'));
  if (maps.length === 0) return [];
  const shipped = new Set(files);
  const unpacked = await mkdtemp(join(tmpdir(), 'source-maps-'));
  try {
    await run('tar', ['-xzf', tarball, '-C', unpacked]);
    const findings = [];
    for (const map of maps) {
      let parsed;
      try {
        parsed = JSON.parse(await readFile(join(unpacked, 'package', map), 'utf8'));
      } catch (error) {
        findings.push(`source map ${map} is not valid JSON (${error.message})`);
        continue;
      }
      const missing = (parsed.sources ?? [])
        .map((source) => posix.normalize(posix.join(posix.dirname(map), parsed.sourceRoot ?? '', source)))
        .filter((source) => !shipped.has(source));
      if (missing.length > 0) findings.push(`source map ${map} names files the tarball lacks: ${missing.join(', ')}`);
    }
    return findings;
  } finally {
    await rm(unpacked, { recursive: true, force: true });
  }
}

