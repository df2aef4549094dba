// Text from the platform or a device made inert for a terminal: C0 and C1 control characters
// (ESC, CSI U+009B, BEL, CR…), DEL and the bidi embeddings, overrides and isolates are shown as
// escapes (`\x1b`, `\x9b`, `\u202e`), so no escape sequence (OSC 52 clipboard, OSC 0 title, clear
// screen, hyperlinks) or reordering takes effect. The output is free of those characters, so
// inert(inert(x)) === inert(x). runCli wraps stdout and stderr in inertStream: nothing written
// through them can forget it.
import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same, except the line feeds the CLI writes between its own lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// What JSON.stringify leaves raw of UNSAFE (it escapes C0 itself).
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Every unsafe character visible. `keep: 'nothing'` for one value (a table cell, an id in a
 * message); `'newlines'` for lines of text (what the CLI composed, a CSV field that spans lines).
 */
export function inert(value: string, keep: 'nothing' | 'newlines' = 'nothing'): string {
  return value.replace(keep === 'newlines' ? UNSAFE_BUT_NEWLINE : UNSAFE, visible);
}

/**
 * JSON.stringify, with the characters it leaves raw (DEL, C1, bidi) escaped as \uXXXX too: the
 * same JSON value, exact when parsed, and inert on a terminal.
 */
export function inertJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The stream behind a terminal-bound stdout or stderr. */
type TerminalStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** A stream that writes everything through inertLines to `target` (and never ends it). */
class InertStream extends Writable {
  readonly #target: TerminalStream;
  readonly #decoder = new StringDecoder('utf8');

  constructor(target: TerminalStream) {
    super({ decodeStrings: false });
    this.#target = target;
  }

  get isTTY(): boolean | undefined {
    return this.#target.isTTY;
  }

  get columns(): number | undefined {
    return this.#target.columns;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    // A multi-byte character split between two Buffers is joined before it is looked at.
    const text = typeof chunk === 'string' ? chunk : this.#decoder.write(chunk);
    if (text === '' || this.#target.write(inert(text, 'newlines'))) done();
    else this.#target.once('drain', () => done());
  }
}

export function inertStream(target: TerminalStream): TerminalStream {
  return new InertStream(target);
}
