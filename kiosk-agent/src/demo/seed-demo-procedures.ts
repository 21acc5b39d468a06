/**
 * Demo mode only: imports the sample catalogue of a commune centre (kiosk-agent/assets/demo/thu-tuc-hanh-chinh-mau.csv,
 * the province's export format) at every start, through the same parse and upsert as `npm run catalogue:import`,
 * so "Tra cứu thủ tục" has procedures to find. Procedures imported during the demo stay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root';
import { parseCatalogueCsv } from '../procedures/catalogue-parse';
import type { ProcedureCatalogue } from '../procedures/procedure-catalogue';

/** From the package root, not this file: the agent also runs bundled from dist/agent/ (core/package-root.ts). */
export const DEMO_CATALOGUE_FILE = join(packageRoot(), 'kiosk-agent/assets/demo/thu-tuc-hanh-chinh-mau.csv');

export async function seedDemoProcedures(procedures: ProcedureCatalogue): Promise<void> {
  await procedures.import(parseCatalogueCsv(readFileSync(DEMO_CATALOGUE_FILE, 'utf8')));
}
