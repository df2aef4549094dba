// The table format, streamed: the first page of rows sizes the columns, then every row is written
// as it arrives, so a long listing holds one page at a time. On a terminal the table fits its
// width: the least important columns are narrowed first (a cut cell ends in …), then left out
// (a note names them), and the most important columns are narrowed last. `--wide` turns fitting off.
import { once } from 'node:events';
import type { Column } from './columns.js';
import { colourEnabled, paintStatus } from './colour.js';
import { inert } from './inert.js';

/** Rows read before the widths are fixed: one platform page. */
const SIZING_ROWS = 100;
const ELLIPSIS = '…';

export interface TableOptions {
  /** The terminal's width; undefined for no limit (not a terminal, or --wide). */
  readonly width?: number | undefined;
  /** Statuses in colour. */
  readonly colour?: boolean | undefined;
}

/**
 * How a table shows where it goes: on stdout, fitted to its terminal's width (unless --wide) with
 * statuses coloured (see colour.ts); into an --output file, whole and plain.
 */
export function tableOutput(stdout: { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>, flags: { wide?: boolean | undefined; output?: string | undefined }): TableOptions {
  if (flags.output !== undefined) return {};
  return { width: flags.wide === true || stdout.isTTY !== true ? undefined : stdout.columns, colour: colourEnabled(stdout, env) };
}

interface Layout {
  /** Indices of the columns shown, in order. */
  readonly shown: number[];
  readonly widths: number[];
}

export async function writeTable<Row>(rows: AsyncIterable<Row>, columns: readonly Column<Row>[], out: NodeJS.WritableStream, options: TableOptions = {}): Promise<void> {
  const cellsOf = (row: Row) => columns.map((column) => inert(String(column.value(row) ?? '')));
  const iterator = rows[Symbol.asyncIterator]();
  const first: string[][] = [];
  // A walk that fails (the platform's paging stopped, a request failed) still shows the rows it
  // listed, in a closed table, before its error.
  let failure: { error: unknown } | undefined;
  const advance = async (): Promise<IteratorResult<Row>> => {
    try {
      return await iterator.next();
    } catch (error) {
      failure = { error };
      return { done: true, value: undefined };
    }
  };
  let next = await advance();
  while (!next.done && first.length < SIZING_ROWS) {
    first.push(cellsOf(next.value));
    next = await advance();
  }
  if (first.length === 0 && failure) throw failure.error;
  if (first.length === 0) {
    await write(out, '(none)\n');
    return;
  }
  const layout = layoutFor(columns, first, options.width);
  const fitted = options.width !== undefined;
  const paint = (index: number, text: string, shown: string) => (options.colour && columns[index]!.isStatus ? shown.replace(text, paintStatus(text, true)) : shown);
  const line = (cells: readonly string[], header = false) =>
    `│${layout.shown.map((index, n) => ` ${header ? cell(cells[index]!, layout.widths[n]!, fitted) : paint(index, cells[index]!, cell(cells[index]!, layout.widths[n]!, fitted))} `).join('│')}│\n`;
  const rule = (left: string, middle: string, right: string) => `${left}${layout.widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}\n`;
  await write(out, rule('┌', '┬', '┐') + line(columns.map((column) => column.header), true) + rule('├', '┼', '┤'));
  for (const cells of first) await write(out, line(cells));
  while (!next.done) {
    await write(out, line(cellsOf(next.value)));
    next = await advance();
  }
  const hidden = columns.filter((_, index) => !layout.shown.includes(index)).map((column) => column.header);
  const note = hidden.length > 0 ? `${cell(`(--wide shows ${hidden.length} more: ${hidden.join(', ')})`, options.width ?? 0, fitted).trimEnd()}\n` : '';
  await write(out, rule('└', '┴', '┘') + (failure ? '' : note));
  if (failure) throw failure.error;
}

/** A cell padded to `width`; cut with … when it is longer and the table is fitted. */
function cell(text: string, width: number, fitted: boolean): string {
  if (text.length <= width) return text.padEnd(width);
  return fitted ? `${text.slice(0, Math.max(0, width - 1))}${ELLIPSIS}` : text;
}

/**
 * The columns shown and their widths. Least important first (highest rank): narrow that rank's
 * widest columns down to a floor, then leave that rank out; ranks 1 and 0 are narrowed before any
 * of them is left out; what still does not fit is cut.
 */
function layoutFor<Row>(columns: readonly Column<Row>[], rows: readonly string[][], limit: number | undefined): Layout {
  const natural = columns.map((column, index) => Math.max(column.header.length, ...rows.map((cells) => cells[index]!.length)));
  const widths = [...natural];
  let shown = columns.map((_, index) => index);
  const total = () => shown.reduce((sum, index) => sum + widths[index]! + 3, 1);
  const rank = (index: number) => columns[index]!.rank ?? 0;
  if (limit !== undefined) {
    const floor = (index: number) => Math.min(natural[index]!, Math.max(8, columns[index]!.header.length));
    const narrow = (ranked: number, to: (index: number) => number) => {
      // The widest first, so that no column is cut while a wider one of its rank could give.
      for (const index of shown.filter((index) => rank(index) === ranked).sort((a, b) => widths[b]! - widths[a]!)) {
        const over = total() - limit;
        if (over <= 0) return;
        widths[index] = Math.max(to(index), widths[index]! - over);
      }
    };
    const leaveOut = (ranked: number) => {
      for (const index of [...shown].reverse()) {
        if (total() <= limit || shown.length === 1) return;
        if (rank(index) === ranked) shown = shown.filter((other) => other !== index);
      }
    };
    const maxRank = Math.max(...columns.map((_, index) => rank(index)));
    for (let ranked = maxRank; ranked >= 2; ranked--) {
      narrow(ranked, floor);
      leaveOut(ranked);
    }
    narrow(1, floor);
    narrow(0, floor);
    leaveOut(1);
    leaveOut(0);
    for (let ranked = maxRank; ranked >= 0; ranked--) narrow(ranked, () => 1);
  }
  return { shown, widths: shown.map((index) => widths[index]!) };
}

/** Writes with backpressure: waits for the stream to drain when its buffer is full. */
async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
