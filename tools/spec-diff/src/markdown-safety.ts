// Text from the spec or a tool, made inert for a pull-request comment: nothing in it may leave its
// code span (newlines, backticks), and outside code spans nothing may become a heading, an HTML
// tag, a link, an image, an @mention or an issue reference.

/** Control characters and Unicode line breaks, as visible escapes (`\n`, `\u2028`). */
export function escapeControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Splits a line into code spans and the text between them, as CommonMark pairs backtick runs: a
 * run opens a span that the next run of the same length closes; a run without one is text.
 */
function segments(line: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  let textStart = 0;
  let index = 0;
  while (index < line.length) {
    if (line[index] !== '`') {
      index += 1;
      continue;
    }
    let runEnd = index;
    while (line[runEnd] === '`') runEnd += 1;
    const run = line.slice(index, runEnd);
    let close = runEnd;
    let closer = -1;
    while (close < line.length) {
      const next = line.indexOf(run, close);
      if (next < 0) break;
      let end = next + run.length;
      if (line[end] !== '`' && line[next - 1] !== '`') {
        closer = next;
        break;
      }
      while (line[end] === '`') end += 1;
      close = end;
    }
    if (closer < 0) {
      index = runEnd;
      continue;
    }
    parts.push({ code: false, text: line.slice(textStart, index) });
    parts.push({ code: true, text: line.slice(index, closer + run.length) });
    index = closer + run.length;
    textStart = index;
  }
  parts.push({ code: false, text: line.slice(textStart) });
  return parts;
}

/** Text outside code spans: no HTML, link, image, autolink, mention or issue reference survives. */
function inertText(text: string): string {
  return text
    .replaceAll('\\', '\uff3c') // no backslash escapes: the spans found above stay the spans GitHub finds
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('[', '\\[')
    .replaceAll(']', '\\]')
    .replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/www\./gi, (match) => `${match.slice(0, 3)}\u200b.`);
}

/**
 * One line of the report made safe to post: one line (control characters escaped), and inert
 * outside its code spans. Our own emphasis (`**`, `_`) passes.
 */
export function inertLine(markdown: string): string {
  return segments(markdown)
    .map((part) => escapeControls(part.code ? part.text : inertText(part.text)))
    .join('');
}
