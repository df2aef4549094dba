// A second machine with an empty local cache gets the whole build from the shared cache server.
import { beforeAll, describe, expect, it } from 'vitest';
import { replayFromRemoteCache } from '../../src/replay.mjs';

let replay: Awaited<ReturnType<typeof replayFromRemoteCache>>;
const lines: string[] = [];

beforeAll(async () => {
  replay = await replayFromRemoteCache((line: string) => lines.push(line));
  console.log(lines.join('\n'));
}, 1_200_000);

describe('turbo remote cache on a self-hosted turborepo-remote-cache', () => {
  it('the first fresh clone builds everything and uploads it', () => {
    expect(replay.first.cached, replay.first.output).toBe(0);
    expect(replay.first.total).toBeGreaterThan(0);
    expect(replay.artifacts).toBeGreaterThanOrEqual(replay.first.total);
  });

  it('the second fresh clone, with no local cache, replays every build task: FULL TURBO', () => {
    expect(replay.localCacheBefore).toBe(false);
    expect(replay.second.total).toBe(replay.first.total);
    expect(replay.second.cached, replay.second.output).toBe(replay.second.total);
    expect(replay.second.fullTurbo).toBe(true);
    expect(replay.restored).toBe(true);
  });
});
