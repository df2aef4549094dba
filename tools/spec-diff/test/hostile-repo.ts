// A tiny spec in a throwaway git repository, for hostile pull-request content: the base commit
// holds a two-file spec; a test writes what an attacker would into the working tree, with a
// canary file beside openapi/ (no byte of it may show anywhere) and a loopback HTTP logger (no
// request may reach it).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { runCommand } from '../src/command.js';

const run = promisify(execFile);

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

export interface GateRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class HostileRepo {
  /** Secret text in a file beside openapi/: it must never appear in any output. */
  readonly canary = `CANARY-${randomUUID()}`;
  requests: string[] = [];
  private baseCommit = '';
  private constructor(
    readonly dir: string,
    private readonly server: Server,
    readonly loggerUrl: string
  ) {}

  static async create(): Promise<HostileRepo> {
    const dir = await mkdtemp(join(tmpdir(), 'spec-diff-hostile-'));
    const server = createServer((request, response) => {
      repo.requests.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'application/yaml' }).end(`type: string\ndescription: ${repo.canary}\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const repo = new HostileRepo(dir, server, `http://127.0.0.1:${port}`);
    await repo.git('init', '-q', '-b', 'main');
    await repo.write('openapi/openapi.yaml', baseSpec);
    await repo.write('openapi/pet.yaml', basePet);
    await repo.write('openapi/CHANGELOG.md', changelog);
    await repo.write('secret.env', `SECRET_TOKEN=${repo.canary}\n`);
    await repo.git('add', '-A');
    await repo.git('commit', '-q', '-m', 'base');
    repo.baseCommit = (await repo.git('rev-parse', 'HEAD')).trim();
    return repo;
  }

  async git(...args: string[]): Promise<string> {
    const config = ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false'];
    return (await run('git', [...config, ...args], { cwd: this.dir })).stdout;
  }

  async write(relativePath: string, text: string): Promise<void> {
    const path = join(this.dir, relativePath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }

  /** Back to the base commit, the canary kept. */
  async reset(): Promise<void> {
    await this.git('reset', '-q', '--hard', this.baseCommit);
    await this.git('clean', '-q', '-f', '-d', '-x', '--', 'openapi');
    this.requests = [];
  }

  /** The gate's command in this process, as `npm run spec:diff -- --base main` runs it. */
  async gate(...extra: string[]): Promise<GateRun> {
    let stdout = '';
    let stderr = '';
    const exitCode = await runCommand(['--base', 'main', ...extra], this.dir, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    });
    return { exitCode, stdout, stderr };
  }

  async remove(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
    await rm(this.dir, { recursive: true, force: true });
  }
}
