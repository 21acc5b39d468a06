/**
 * `npm run catalogue:import -- --config FILE CATALOGUE`: imports the province's procedure catalogue (CSV as
 * exported, or JSON items) into the site's store, SQLite or the centre's PostgreSQL, with the agent running or not
 * (README "Procedures at the kiosk"). Prints how many were imported and every refused line with its reason; exits 1
 * when some lines were refused (the others are imported), 2 on a usage, config or file problem — always as a line
 * or two a technician can act on, never a stack trace. What it says is in i18n/procedure-text.ts.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createStore } from '../kiosk-agent/src/compose/create-store';
import { ConfigError, loadSiteConfigFile, UneditedConfigError } from '../kiosk-agent/src/config/load-config';
import type { SiteConfig } from '../kiosk-agent/src/config/site-config-schema';
import { systemClock } from '../kiosk-agent/src/core/clock';
import type { Printer } from '../kiosk-agent/src/devices/printer/printer';
import { CATALOGUE_CLI_TEXT as TEXT } from '../kiosk-agent/src/i18n/procedure-text';
import { parseCatalogueFile, type ParsedCatalogue } from '../kiosk-agent/src/procedures/catalogue-parse';
import { fieldServiceResolver } from '../kiosk-agent/src/procedures/field-services';
import { ProcedureCatalogue } from '../kiosk-agent/src/procedures/procedure-catalogue';
import { StoreOpenError } from '../kiosk-agent/src/store/sqlite';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The import never prints; the catalogue needs a printer only for the kiosk's papers list. */
const noPrinter = { print: () => Promise.reject(new Error('no printer in the import command')) } as unknown as Printer;

/** The catalogue file read and parsed; a file that cannot be opened or read as a whole stops here, before any store. */
function readCatalogue(file: string): ParsedCatalogue {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(TEXT.cannotRead(file, (err as NodeJS.ErrnoException).code));
  }
  const parsed = parseCatalogueFile(text);
  if (parsed.unreadable !== undefined) fail(TEXT.unreadable(file, parsed.unreadable));
  return parsed;
}

function siteConfig(file: string): SiteConfig {
  try {
    return loadSiteConfigFile(file);
  } catch (err) {
    if (err instanceof ConfigError) fail(TEXT.badConfig(file, err.problems));
    if (err instanceof UneditedConfigError) fail(err.message);
    throw err;
  }
}

async function main(): Promise<void> {
  const args = (() => {
    try {
      return parseArgs({ options: { config: { type: 'string' } }, allowPositionals: true, strict: true });
    } catch {
      // An unknown option or a missing value: the usage says what is expected.
      return fail(TEXT.usage);
    }
  })();
  const [file, ...extra] = args.positionals;
  if (!args.values.config || !file || extra.length > 0) fail(TEXT.usage);
  const parsed = readCatalogue(file);
  const config = siteConfig(args.values.config);
  let store: Awaited<ReturnType<typeof createStore>>;
  try {
    store = await createStore(config, { warn: (_obj, msg) => process.stderr.write(`${msg}\n`) });
  } catch (err) {
    fail(err instanceof StoreOpenError ? err.message : TEXT.failed((err as Error).message));
  }
  let exitCode = 0;
  try {
    const catalogue = new ProcedureCatalogue({ store, clock: systemClock, printer: noPrinter, centerName: config.center.name, timeZone: config.center.timezone, serviceFor: fieldServiceResolver(config) });
    const result = await catalogue.import(parsed);
    process.stdout.write(`${TEXT.imported(result.imported)}\n`);
    for (const r of result.refused) process.stdout.write(`${TEXT.refusedLine(r.line, r.reason)}\n`);
    if (result.refused.length > 0) {
      process.stdout.write(`${TEXT.refusedCount(result.refused.length)}\n`);
      exitCode = 1;
    }
    if (result.fieldsWithoutService.length > 0) process.stdout.write(`${TEXT.fieldsWithoutService(result.fieldsWithoutService)}\n`);
  } catch (err) {
    process.stderr.write(`${TEXT.failed((err as Error).message)}\n`);
    exitCode = 2;
  } finally {
    await store.close();
  }
  process.exit(exitCode);
}

main().catch((err: unknown) => fail(TEXT.failed((err as Error).message)));
