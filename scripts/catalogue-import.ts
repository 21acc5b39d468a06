/**
 * `npm run catalogue:import -- --config FILE CATALOGUE`: imports the province's procedure catalogue (CSV as
 * exported, or JSON items) into the site's store, SQLite or the centre's PostgreSQL, with the agent running or not
 * (README "Procedures at the kiosk"). Prints how many were imported and every refused line with its reason; exits 1
 * when some lines were refused (the others are imported), 2 on a usage, config or file problem.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createStore } from '../kiosk-agent/src/compose/create-store';
import { loadSiteConfigFile } from '../kiosk-agent/src/config/load-config';
import { systemClock } from '../kiosk-agent/src/core/clock';
import type { Printer } from '../kiosk-agent/src/devices/printer/printer';
import { parseCatalogueFile } from '../kiosk-agent/src/procedures/catalogue-parse';
import { fieldServiceResolver } from '../kiosk-agent/src/procedures/field-services';
import { ProcedureCatalogue } from '../kiosk-agent/src/procedures/procedure-catalogue';

const USAGE = 'usage: npm run catalogue:import -- --config FILE CATALOGUE.csv|CATALOGUE.json';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The import never prints; the catalogue needs a printer only for the kiosk's papers list. */
const noPrinter = { print: () => Promise.reject(new Error('no printer in the import command')) } as unknown as Printer;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { config: { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!values.config || !file || positionals.length > 1) fail(USAGE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`Không đọc được tệp ${file} / cannot read the file: ${(err as Error).message}`);
  }
  const config = loadSiteConfigFile(values.config);
  const store = await createStore(config, { warn: (_obj, msg) => process.stderr.write(`${msg}\n`) });
  let exitCode = 0;
  try {
    const catalogue = new ProcedureCatalogue({ store, clock: systemClock, printer: noPrinter, centerName: config.center.name, timeZone: config.center.timezone, serviceFor: fieldServiceResolver(config) });
    const result = await catalogue.import(parseCatalogueFile(text));
    process.stdout.write(`Đã nhập ${result.imported} thủ tục / imported\n`);
    for (const r of result.refused) process.stdout.write(`Dòng ${r.line}: ${r.reason}\n`);
    if (result.refused.length > 0) {
      process.stdout.write(`Không nhập ${result.refused.length} dòng / refused\n`);
      exitCode = 1;
    }
    if (result.fieldsWithoutService.length > 0) {
      process.stdout.write(`Lĩnh vực chưa gắn với quầy (procedures.fieldServices) / fields without a service: ${result.fieldsWithoutService.join(', ')}\n`);
    }
  } catch (err) {
    fail(`Lỗi / error: ${(err as Error).message}`);
  } finally {
    await store.close();
  }
  process.exit(exitCode);
}

void main();
