// Writes records in one of the output formats. csv, ndjson and json stream: a record is formatted
// and written as it arrives from the async iterable, with backpressure, so 100 000 subtasks export
// in constant memory. The table is for people and is built whole (use csv or ndjson for exports).
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify';
import type { Column } from './columns.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export async function writeRecords<Row>(rows: AsyncIterable<Row>, columns: readonly Column<Row>[], format: Format, out: NodeJS.WritableStream): Promise<number> {
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
      await pipeline(source, toCells(columns), stringify({ header: true, columns: columns.map((column) => column.header) }), out, keepOpen);
      break;
    case 'ndjson':
      await pipeline(source, lines((row) => `${JSON.stringify(row)}\n`), out, keepOpen);
      break;
    case 'json':
      await pipeline(source, jsonArray(), out, keepOpen);
      break;
    case 'table':
      out.write(`${await renderTable(source, columns)}\n`);
      break;
  }
  return count;
}

function toCells<Row>(columns: readonly Column<Row>[]): Transform {
  return new Transform({
    objectMode: true,
    transform(row: Row, _encoding, done) {
      done(null, columns.map((column) => column.value(row) ?? ''));
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
      done(null, `${first ? '[\n' : ',\n'}  ${JSON.stringify(row)}`);
      first = false;
    },
    flush(done) {
      done(null, first ? '[]\n' : '\n]\n');
    },
  });
}

async function renderTable<Row>(rows: AsyncIterable<Row>, columns: readonly Column<Row>[]): Promise<string> {
  const table = new Table({ head: columns.map((column) => column.header), style: { head: [], border: [], compact: true } });
  for await (const row of rows) table.push(columns.map((column) => String(column.value(row) ?? '')));
  return table.length === 0 ? '(none)' : table.toString();
}
