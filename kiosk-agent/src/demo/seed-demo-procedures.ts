/**
 * Demo mode only: imports the sample catalogue of a commune centre (kiosk-agent/assets/demo/thu-tuc-hanh-chinh-mau.csv,
 * the province's export format) at every start, through the same parse and upsert as `npm run catalogue:import`,
 * so "Tra cứu thủ tục" has procedures to find. Procedures imported during the demo stay.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCatalogueCsv } from '../procedures/catalogue-parse';
import type { ProcedureCatalogue } from '../procedures/procedure-catalogue';

export const DEMO_CATALOGUE_FILE = fileURLToPath(new URL('../../assets/demo/thu-tuc-hanh-chinh-mau.csv', import.meta.url));

export async function seedDemoProcedures(procedures: ProcedureCatalogue): Promise<void> {
  await procedures.import(parseCatalogueCsv(readFileSync(DEMO_CATALOGUE_FILE, 'utf8')));
}
