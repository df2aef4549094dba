// What --help adds after the options: examples per command, and the exit codes on the program's own help.
import { EXIT_MEANINGS } from '../errors.js';

const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': [
    'iodm-northbound tasks --status processing --type firmware_upgrade',
    'iodm-northbound watch <operationId> --interval 5s',
    'iodm-northbound subtasks <operationId> --status fail --format csv --output failed.csv',
    'iodm-northbound create firmware --file-id <fileId> --devices d1,d2,d3',
  ],
  tasks: ['iodm-northbound tasks --status processing', 'iodm-northbound tasks --device-id <deviceId> --type firmware_upgrade --format json'],
  task: ['iodm-northbound task <operationId>', 'iodm-northbound task <operationId> --format json'],
  subtasks: [
    'iodm-northbound subtasks <operationId> --status fail',
    'iodm-northbound subtasks <operationId> --format csv --output subtasks.csv',
    'iodm-northbound subtasks <operationId> --format csv --csv-raw | my-importer',
  ],
  watch: ['iodm-northbound watch <operationId>', 'iodm-northbound watch <operationId> --interval 30s'],
  create: [
    'iodm-northbound create firmware --file-id <fileId> --devices d1,d2,d3',
    'iodm-northbound create software --file-id <fileId> --device-group north --device-type Meter --model M1 --manufacturer-name Acme',
  ],
  mock: ['iodm-northbound mock --port 0 --speed 60', 'iodm-northbound mock --port 0 --seed 7'],
};

/** The examples of `command` ('' for the program), or undefined when it has none. */
export function examplesHelp(command: string): string | undefined {
  const examples = EXAMPLES[command];
  return examples === undefined ? undefined : `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n`;
}

export function exitCodesHelp(): string {
  const codes = Object.entries(EXIT_MEANINGS).map(([code, meaning]) => `  ${code.padEnd(3)}  ${meaning}`);
  return `\nExit codes:\n${codes.join('\n')}\n`;
}
