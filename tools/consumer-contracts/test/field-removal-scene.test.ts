// The scene npm start shows: a field removed from the bundled spec, and the teams whose pacts
// (consumers/) the spec review's consumer check finds broken by it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFieldRemovalScene, fieldRemovalScene } from '../src/scene/field-removal.js';

const spec = JSON.parse(readFileSync(new URL('../../../packages/spec/dist/openapi.json', import.meta.url), 'utf8')) as object;

describe('the field-removal scene', () => {
  it('names the teams that read the removed field, with the interaction and the field', async () => {
    const scene = await fieldRemovalScene(spec, 'SubOperationInfo', 'detailInfo');
    const fleet = scene.teams.find(({ consumer }) => consumer === 'fleet-dashboard');
    expect(fleet?.broken).toEqual([{ interaction: 'a request for the failed subtasks of a task', field: 'response.body.data.0.detailInfo' }]);
    expect(describeFieldRemovalScene(scene)).toContain('fleet-dashboard: BROKEN - "a request for the failed subtasks of a task" reads response.body.data.0.detailInfo');
  });

  it('says no team is affected by a field no pact reads, and leaves the given spec as it was', async () => {
    const before = JSON.stringify(spec);
    const scene = await fieldRemovalScene(spec, 'SubOperationInfo', 'extendInfo');
    expect(scene.teams.length).toBeGreaterThanOrEqual(2);
    expect(scene.teams.every(({ broken }) => broken.length === 0)).toBe(true);
    expect(describeFieldRemovalScene(scene)).toContain('fleet-dashboard: not affected');
    expect(JSON.stringify(spec)).toBe(before);
  });

  it('refuses a field the schema does not have', async () => {
    await expect(fieldRemovalScene(spec, 'SubOperationInfo', 'constructor')).rejects.toThrow('the spec has no field SubOperationInfo.constructor');
  });
});
