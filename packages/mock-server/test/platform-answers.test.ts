// The mock's own rejection bodies (served when the spec has no example for the case) are the
// platform's documented answers: status and wording as the platform facts table states them.
import { platformFacts } from '@iodm-northbound/spec/platform-facts';
import { describe, expect, it } from 'vitest';
import { fallbackForRejection, type RejectionReason } from '../src/platform.js';
import { THROTTLED_ANSWER } from '../src/traffic/throttle.js';

const documented = Object.values(platformFacts.operations).flatMap((operation) => operation.errors);

function documentedAnswer(code: string) {
  const row = documented.find((error) => error.code === code && error.desc !== undefined);
  if (!row) throw new Error(`no documented wording for ${code}`);
  return { statusCode: row.status, body: { error_code: code, error_desc: row.desc } };
}

describe("the mock's own rejection answers", () => {
  it.each([
    ['security', '1010005'],
    ['throttled', '1010009'],
    ['page-range', '123029'],
    ['invalid', '120015'],
  ] as const satisfies ReadonlyArray<readonly [RejectionReason, string]>)('%s → the documented %s answer', (reason, code) => {
    expect(fallbackForRejection(reason)).toEqual(documentedAnswer(code));
  });

  it('the throttle answers 403 / 1010009 with the documented wording', () => {
    expect(THROTTLED_ANSWER).toEqual(documentedAnswer('1010009'));
    // The platform's own words, pinned here too: the facts table could drift with the code.
    expect(THROTTLED_ANSWER).toEqual({ statusCode: 403, body: { error_code: '1010009', error_desc: 'app throttle exceed.' } });
  });
});
