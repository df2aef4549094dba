// Builds dist/index.html: `redocly build-docs` with the Redoc renderer inlined from @redocly/cli
// (no CDN script), our template (a Content-Security-Policy that forbids any remote load) and the
// options in the root redocly.yaml (`openapi:`). Redoc 3 still points its "API docs by" logo at
// cdn.redoc.ly; the build swaps that URL for an inline image, so the page asks nothing of the
// network, and fails loudly if a new renderer no longer has the URL it expects.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const redoclyCli = require.resolve('@redocly/cli/bin/cli.js');
const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));

export const outputPath = path('../dist/index.html');

const attributionLogo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="44" height="14" viewBox="0 0 44 14"><text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#0044D4">Redoc</text></svg>',
)}`;
const remoteLogos = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];

export async function buildDocs() {
  try {
    await run(process.execPath, [
      redoclyCli,
      'build-docs',
      path('../../../openapi/openapi.yaml'),
      '--config',
      path('../../../redocly.yaml'),
      '--inlineBundle',
      '--template',
      path('../template/index.hbs'),
      '--templateOptions.metaDescription=Reference of the OceanConnect northbound API: the Device Upgrade group (version packages, upgrade tasks, subtasks), login and token refresh',
      '-o',
      outputPath,
    ]);
  } catch (error) {
    throw new Error(`redocly build-docs failed:\n${error.stderr || error.message}`);
  }
  let html = await readFile(outputPath, 'utf8');
  for (const url of remoteLogos) {
    if (!html.includes(url)) {
      throw new Error(`The inlined renderer no longer references ${url}: check what it loads now and update scripts/build.mjs.`);
    }
    html = html.replaceAll(url, attributionLogo);
  }
  await writeFile(outputPath, html);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDocs();
  console.log(`wrote ${outputPath}`);
}
