import { Option } from 'commander';
import { FORMATS, type Format } from '../output/write-records.js';
import { choice } from './parsers.js';

export function formatOption(allowed: readonly Format[] = FORMATS): Option {
  return new Option('--format <format>', `output format: ${allowed.join(', ')}`).argParser(choice(allowed)).default('table');
}

export function outputOption(): Option {
  return new Option('--output <file>', 'write the records to this file instead of stdout');
}

export function csvRawOption(): Option {
  return new Option('--csv-raw', "csv: every cell exactly as sent, for machine consumers; without it a cell starting with = + - @ tab or CR gets a leading ' and control characters show as \\x1b");
}

export function wideOption(): Option {
  return new Option('--wide', 'table: every column at full width, even wider than the terminal');
}
