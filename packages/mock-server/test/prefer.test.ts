import { describe, expect, it } from 'vitest';
import { parsePreferHeader, ScenarioError } from '../src/prefer.js';

describe('parsePreferHeader', () => {
  it.each([
    [undefined, {}],
    ['code=404', { code: 404 }],
    ['example=TaskNotFound', { example: 'TaskNotFound' }],
    ['code=403, example=AppThrottleExceeded', { code: 403, example: 'AppThrottleExceeded' }],
    ['code=403;example="AppThrottleExceeded"', { code: 403, example: 'AppThrottleExceeded' }],
    ['Dynamic=true; SEED=abc', { dynamic: true, seed: 'abc' }],
    ['return=minimal, wait=10, handling=lenient', {}],
    [['code=500', 'dynamic=false'], { code: 500, dynamic: false }],
    ['example="a,b"', { example: 'a,b' }],
  ])('reads %o', (header, expected) => {
    expect(parsePreferHeader(header)).toEqual(expected);
  });

  it.each(['code=40', 'code=4040', 'code=abc', 'code', 'example=', 'dynamic=1', 'seed='])('rejects %s with a ScenarioError', (header) => {
    expect(() => parsePreferHeader(header)).toThrow(ScenarioError);
  });
});
