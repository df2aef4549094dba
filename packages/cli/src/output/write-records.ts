// Writes records in one of the output formats. csv, ndjson and json stream: a record is formatted
// and written as it arrives from the async iterable, with backpressure, so 100 000 subtasks export
// in constant memory; so does the table (its first page sizes the columns, see table.ts).
// Every format is safe on a terminal: table cells are made inert, JSON escapes every control
// character (the value stays exact), and CSV cells are guarded against terminals and spreadsheets
// unless the caller asks for them raw.
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Column } from './columns.js';
import { type TableOptions, writeTable } from './table.js';
import { inert, inertJson } from './inert.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface WriteOptions {
  /** CSV cells exactly as the platform sent them: no formula guard, control characters kept (for machine consumers). */
  readonly csvRaw?: boolean;
  /** table: how it shows (fitted to a terminal, coloured); see tableOutput. */
  readonly table?: TableOptions;
}

export async function writeRecords<Row>(
  rows: AsyncIterable<Row>,
  columns: readonly Column<Row>[],
  format: Format,
  out: NodeJS.WritableStream,
  options: WriteOptions = {},
): Promise<number> {
  let count = 0;
  async function* counted() {
    for await (const row of rows) {
      count++;
      yield row;
    }
  }
  const source = Readable.from(counted(), { objectMode: true });
  // The sink stays open: stdout is not ours to end, and a file's Sink.finish() closes it.
  const keepOpen = { end: false };
  switch (format) {
    case 'csv':
      await pipeline(source, toCells(columns, options.csvRaw ? (value) => value : guardedCsvCell), stringify({ header: true, columns: columns.map((column) => column.header) }), out, keepOpen);
      break;
    case 'ndjson':
      await pipeline(source, lines((row) => `${inertJson(row)}\n`), out, keepOpen);
      break;
    case 'json':
      await pipeline(source, jsonArray(), out, keepOpen);
      break;
    case 'table':
      await writeTable(source, columns, out, options.table);
      break;
  }
  return count;
}

/** A leading character that makes a spreadsheet evaluate the cell (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell no spreadsheet evaluates (a leading ' when it would) and no terminal obeys (its line feeds kept). */
function guardedCsvCell(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  const shown = inert(value, 'newlines');
  return FORMULA_START.test(value) ? `'${shown}` : shown;
}

function toCells<Row>(columns: readonly Column<Row>[], cell: (value: string | number) => string | number): Transform {
  return new Transform({
    objectMode: true,
    transform(row: Row, _encoding, done) {
      done(null, columns.map((column) => cell(column.value(row) ?? '')));
    },
  });
}

function lines<Row>(format: (row: Row) => string): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(row: Row, _encoding, done) {
      done(null, format(row));
    },
  });
}

function jsonArray(): Transform {
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row: unknown, _encoding, done) {
      done(null, `${first ? '[\n' : ',\n'}  ${inertJson(row)}`);
      first = false;
    },
    flush(done) {
      done(null, first ? '[]\n' : '\n]\n');
    },
  });
}
