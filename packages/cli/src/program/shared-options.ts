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

/**
 * `flags` as the older, hidden name of `option` (kept so that scripts written for it still run):
 * its value is parsed and checked the same, and giving both is refused. The command reads the
 * alias's value where the option's is not given.
 */
export function hiddenAlias(option: Option, flags: string): Option {
  const alias = new Option(flags, `older name of ${option.long}`).hideHelp().conflicts(option.attributeName());
  return option.parseArg === undefined ? alias : alias.argParser(option.parseArg);
}
