// A tiny spec in a throwaway git repository (SpecRepo with its own files), for hostile
// pull-request content: the base commit holds a two-file spec; a test writes what an attacker
// would into the working tree, with a canary file beside openapi/ (no byte of it may show
// anywhere) and a loopback HTTP logger (no request may reach it).
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandResult, SpecRepo } from './spec-repo.js';

export const baseSpec = `openapi: 3.0.3
info:
  title: Pets
  version: 1.0.0
paths:
  /pets:
    get:
      responses:
        '200':
          description: The pets.
          content:
            application/json:
              schema:
                $ref: ./pet.yaml
`;

export const basePet = 'type: object\nproperties:\n  name:\n    type: string\n';

const changelog = '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-11-25\n\n- The first version.\n';

export class HostileRepo extends SpecRepo {
  /** Secret text in a file beside openapi/: it must never appear in any output. */
  readonly canary = `CANARY-${randomUUID()}`;
  requests: string[] = [];
  /** Answers anything with a schema that carries the canary, and logs what was asked. */
  private readonly logger = createServer((request, response) => {
    this.requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/yaml' }).end(`type: string\ndescription: ${this.canary}\n`);
  });
  loggerUrl = '';

  static override async create(): Promise<HostileRepo> {
    const repo = new HostileRepo(await mkdtemp(join(tmpdir(), 'spec-diff-hostile-')));
    await new Promise<void>((resolve) => repo.logger.listen(0, '127.0.0.1', resolve));
    repo.loggerUrl = `http://127.0.0.1:${(repo.logger.address() as { port: number }).port}`;
    await repo.commitBase({
      files: { 'openapi/openapi.yaml': baseSpec, 'openapi/pet.yaml': basePet, 'openapi/CHANGELOG.md': changelog, 'secret.env': `SECRET_TOKEN=${repo.canary}\n` },
    });
    return repo;
  }

  /** Back to the base commit (the canary kept: it is committed), the logger's record emptied. */
  override async reset(): Promise<void> {
    await super.reset();
    this.requests = [];
  }

  /** The gate's command in this process, as `npm run spec:diff -- --base main` runs it. */
  pullRequestGate(...extra: string[]): Promise<CommandResult> {
    return this.command('--base', 'main', ...extra);
  }

  override async remove(): Promise<void> {
    await new Promise((resolve) => this.logger.close(resolve));
    await super.remove();
  }
}
