// `packages`: the version packages a task installs (`create --file-id` names one): list them with
// the client's filters, show one, delete one. A delete asks first on a terminal and needs --yes
// otherwise, so that a script never deletes by accident.
import { createInterface } from 'node:readline/promises';
import type { PackageInfo, PackageListQuery, UpgradeApi } from '../api/upgrade-api.js';
import { addConnectionOptions, type ConnectionFlags } from '../connection/connection-options.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { PACKAGE_COLUMNS } from '../output/columns.js';
import { inert, inertJson } from '../output/inert.js';
import { openSink } from '../output/sink.js';
import { tableOutput, writeTable } from '../output/table.js';
import { writeRecords, type Format } from '../output/write-records.js';
import type { CommandDefinition } from '../program/command-context.js';
import { csvRawOption, formatOption, hiddenAlias, outputOption, wideOption } from '../program/shared-options.js';
import { addSpecFilters, pageSizeOption, specArgument, specOption } from '../program/spec-options.js';

interface ListFlags extends ConnectionFlags {
  fileType?: PackageListQuery['fileType'];
  deviceType?: string;
  model?: string;
  manufacturerName?: string;
  /** The older name of --manufacturer-name. */
  manufacturer?: string;
  packageVersion?: string;
  pageSize: number;
  format: Format;
  output?: string;
  csvRaw?: boolean;
  wide?: boolean;
}

interface ShowFlags extends ConnectionFlags {
  format: 'table' | 'json';
  wide?: boolean;
}

interface DeleteFlags extends ConnectionFlags {
  yes?: boolean;
}

const LIST_OPERATION = 'queryUpgradePackageList';

export const packagesCommand: CommandDefinition = (program, context) => {
  const manufacturer = specOption('--manufacturer-name <name>', 'only packages of this manufacturer', LIST_OPERATION, 'manufacturerName');
  const packages = program
    .command('packages')
    // The list's options before `show` or `delete`, theirs after it.
    .enablePositionalOptions()
    .description('list the version packages (the --file-id of create); `packages show <fileId>`, `packages delete <fileId>`')
    .addOption(specOption('--file-type <type>', 'only packages of this type', LIST_OPERATION, 'fileType'))
    .addOption(specOption('--device-type <type>', 'only packages for this device type', LIST_OPERATION, 'deviceType'))
    .addOption(specOption('--model <model>', 'only packages for this device model', LIST_OPERATION, 'model'))
    .addOption(manufacturer)
    .addOption(hiddenAlias(manufacturer, '--manufacturer <name>'))
    // Not --version: the program's --version prints its own.
    .addOption(specOption('--package-version <version>', 'only packages of this version', LIST_OPERATION, 'version'))
    .addOption(pageSizeOption(LIST_OPERATION))
    .addOption(formatOption())
    .addOption(outputOption())
    .addOption(csvRawOption())
    .addOption(wideOption());
  // Last, so that a parameter whose flag another option has is seen to be taken.
  const filtersOf = addSpecFilters(addConnectionOptions(packages), LIST_OPERATION, ['fileType', 'deviceType', 'model', 'manufacturerName', 'version']);
  packages.action(async (flags: ListFlags) => {
    const query: PackageListQuery = {
      fileType: flags.fileType,
      deviceType: flags.deviceType,
      model: flags.model,
      manufacturerName: flags.manufacturerName ?? flags.manufacturer,
      version: flags.packageVersion,
      pageSize: flags.pageSize,
      filters: filtersOf(flags),
    };
    const code = await context.withApi(flags, async (api) => {
      const sink = await openSink(context.raw.stdout, flags.output);
      const count = await writeRecords(packageApi(api).listPackages(query, context.io.interrupted), PACKAGE_COLUMNS, flags.format, sink.stream, {
        csvRaw: flags.csvRaw === true,
        table: tableOutput(context.raw.stdout, context.io.env, flags),
      });
      await sink.finish();
      if (flags.output !== undefined) context.io.stderr.write(`iodm-northbound: wrote ${count} package(s) to ${flags.output}\n`);
      return EXIT.ok;
    });
    context.setExitCode(code);
  });

  const show = packages.command('show').description('show one version package').addArgument(specArgument('fileId', 'the package', 'queryUpgradePackage')).addOption(formatOption(['table', 'json'])).addOption(wideOption());
  addConnectionOptions(show).action(async (fileId: string, flags: ShowFlags) => {
    const code = await context.withApi(flags, async (api) => {
      const found = await packageApi(api).getPackage(fileId, context.io.interrupted);
      if (flags.format === 'json') context.raw.stdout.write(`${inertJson(found, 2)}\n`);
      else await writeTable(single(found), PACKAGE_COLUMNS, context.raw.stdout, tableOutput(context.raw.stdout, context.io.env, flags));
      return EXIT.ok;
    });
    context.setExitCode(code);
  });

  const remove = packages
    .command('delete')
    .description('delete a version package: asks on a terminal; without one, --yes is required (exit 2 without it)')
    .addArgument(specArgument('fileId', 'the package', 'deleteUpgradePackage'))
    .option('--yes', 'delete without asking');
  addConnectionOptions(remove).action(async (fileId: string, flags: DeleteFlags) => {
    if (flags.yes !== true && !canAsk(context.io)) throw new UsageError(`packages delete ${inert(fileId)}: not a terminal, so nothing can ask: add --yes to delete it`);
    const code = await context.withApi(flags, async (api) => {
      const packageApis = packageApi(api);
      if (flags.yes !== true) {
        const found = await packageApis.getPackage(fileId, context.io.interrupted);
        const answer = await ask(context.io, `Delete package ${found.name} ${found.version} (${found.fileId})? [y/N] `);
        if (!/^y(es)?$/i.test(answer.trim())) {
          context.io.stderr.write('iodm-northbound: not deleted\n');
          return EXIT.failed;
        }
      }
      await packageApis.deletePackage(fileId, context.io.interrupted);
      context.io.stderr.write(`iodm-northbound: deleted package ${fileId}\n`);
      return EXIT.ok;
    });
    context.setExitCode(code);
  });
};

type PackageApi = Required<Pick<UpgradeApi, 'listPackages' | 'getPackage' | 'deletePackage'>>;

function packageApi(api: UpgradeApi): PackageApi {
  const { listPackages, getPackage, deletePackage } = api;
  if (!listPackages || !getPackage || !deletePackage) throw new UsageError('packages: this platform connection has no version packages (the in-process simulator); use --mock or a platform');
  return { listPackages: listPackages.bind(api), getPackage: getPackage.bind(api), deletePackage: deletePackage.bind(api) };
}

async function* single(found: PackageInfo): AsyncGenerator<PackageInfo> {
  yield found;
}

/** Confirmation needs a person: stdin and stderr both terminals. */
function canAsk(io: CliIo): boolean {
  return io.stdin?.isTTY === true && io.stderr.isTTY === true;
}

async function ask(io: CliIo, question: string): Promise<string> {
  // Not readline's terminal mode: the terminal echoes in its cooked mode, and no cursor codes go out.
  const prompt = createInterface({ input: io.stdin!, output: io.stderr, terminal: false });
  try {
    return await prompt.question(question, { signal: io.interrupted });
  } finally {
    prompt.close();
  }
}
