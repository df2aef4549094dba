// inert() and the stream runCli writes through: every control character, DEL and bidi control
// shown as an escape, line feeds kept between lines, multi-byte characters whole, order and
// backpressure kept.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inert, inertJson, inertStream } from '../src/output/inert.js';

describe('inert', () => {
  it.each([
    ['ESC', '\u001b[2J', '\\x1b[2J'],
    ['BEL', 'a\u0007', 'a\\x07'],
    ['NUL', '\u0000', '\\x00'],
    ['CR', 'ok\rFAKE', 'ok\\x0dFAKE'],
    ['a line feed in a value', 'a\nb', 'a\\x0ab'],
    ['DEL', '\u007f', '\\x7f'],
    ['8-bit CSI', '\u009b2J', '\\x9b2J'],
    ['8-bit ST', '\u009c', '\\x9c'],
    ['RLO', '\u202e', '\\u202e'],
    ['LRE', '\u202a', '\\u202a'],
    ['FSI', '\u2068', '\\u2068'],
    ['PDI', '\u2069', '\\u2069'],
    ['plain text, accents, CJK, emoji', 'Gerät 设备 🚀 -=+@', 'Gerät 设备 🚀 -=+@'],
  ])('%s', (_name, value, shown) => {
    expect(inert(value)).toBe(shown);
    expect(inert(inert(value))).toBe(inert(value)); // idempotent: inert twice shows the same
  });

  it("keep: 'newlines' keeps line feeds only", () => {
    expect(inert('a\nb\r\n\tc', 'newlines')).toBe('a\nb\\x0d\n\\x09c');
  });

  it('inertJson: the same JSON value, with DEL, C1 and bidi escaped as \\uXXXX', () => {
    const value = { id: 'a\u009b2J\u202e\u007f\u001b' };
    const text = inertJson(value);
    expect(text).toBe('{"id":"a\\u009b2J\\u202e\\u007f\\u001b"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('inertStream', () => {
  function target(options: { refuseFirst?: boolean } = {}) {
    const chunks: string[] = [];
    let refuse = options.refuseFirst === true;
    const stream = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        if (refuse) {
          refuse = false;
          setImmediate(done); // a slow first write: write() returned false, drain comes later
        } else done();
      },
    });
    return { stream: Object.assign(stream, { isTTY: true, columns: 91 }), text: () => chunks.join('') };
  }

  it('shows what is unsafe, keeps line feeds, and joins a character split between two Buffers', async () => {
    const { stream, text } = target();
    const wrapped = inertStream(stream);
    const euro = Buffer.from('€\u001b]0;t\u0007\n');
    wrapped.write(euro.subarray(0, 1));
    wrapped.write(euro.subarray(1));
    await new Promise<void>((resolve) => wrapped.end(() => resolve()));
    expect(text()).toBe('€\\x1b]0;t\\x07\n');
  });

  it('answers isTTY and columns as its target does, keeps the order of writes when the target is slow, never ends it', async () => {
    const { stream, text } = target({ refuseFirst: true });
    const wrapped = inertStream(stream);
    expect(wrapped.isTTY).toBe(true);
    expect(wrapped.columns).toBe(91);
    for (const line of ['one\n', 'two\n', 'three\n']) wrapped.write(line);
    await new Promise<void>((resolve) => wrapped.end(() => resolve()));
    expect(text()).toBe('one\ntwo\nthree\n');
    expect(stream.writableEnded).toBe(false); // the target (stdout, stderr) is never ended
  });
});
