/**
 * The procedure catalogue (README "Procedures at the kiosk"): imports the province's export (upsert by code, bad
 * records refused with their reason), searches it without diacritics, reads one procedure with where to submit it,
 * and prints its papers on the ticket printer for the citizen to take along.
 */
import { PROCEDURE_PAGE_SIZE, type ProcedureDetail, type ProcedureImportResponse, type ProcedureList } from '../../../shared/procedure-schemas';
import { searchWords } from '../../../shared/search-fold';
import type { Clock } from '../core/clock';
import type { Printer } from '../devices/printer/printer';
import { AgentError } from '../errors/agent-error';
import { PROCEDURE_TEXT } from '../i18n/procedure-text';
import { papersSlip } from '../slips/papers-slip';
import type { SqlStore } from '../store/store-port';
import type { ParsedCatalogue } from './catalogue-parse';
import type { ProcedureService } from './field-services';
import { rankProcedures } from './procedure-ranking';
import { ProcedureRepository, type ProcedureRow } from './procedure-repository';
import { compareVietnamese } from './vietnamese-order';

export interface ProcedureCatalogueDeps {
  store: SqlStore;
  clock: Clock;
  printer: Printer;
  centerName: string;
  timeZone: string;
  serviceFor: (field: string) => ProcedureService | null;
}

export class ProcedureCatalogue {
  private readonly repo: ProcedureRepository;
  private lastOffered = false;

  constructor(private readonly deps: ProcedureCatalogueDeps) {
    this.repo = new ProcedureRepository(deps.store);
  }

  /** Stores what the parse accepted (in one transaction) and reports what it refused. */
  async import(parsed: ParsedCatalogue): Promise<ProcedureImportResponse> {
    const procedures = parsed.procedures.map((p) => p.procedure);
    await this.repo.upsertAll(procedures, this.deps.clock.now());
    const unmapped = new Set(procedures.filter((p) => this.deps.serviceFor(p.field) === null).map((p) => p.field));
    return { imported: procedures.length, refused: parsed.refused, fieldsWithoutService: [...unmapped].sort(compareVietnamese) };
  }

  /**
   * Whether there is anything to look up: the kiosk's home offers "Tra cứu thủ tục" only then. Asked of the store each
   * time, not remembered from an import: another agent of the centre may have imported the catalogue. A store that
   * fails gets the last answer, so a kiosk still starts during an outage (the store's health watch reports it).
   */
  async offered(): Promise<boolean> {
    try {
      this.lastOffered = await this.repo.any();
    } catch {
      // The last answer stands; see above.
    }
    return this.lastOffered;
  }

  async search(query: { q?: string | undefined; field?: string | undefined; limit?: number | undefined }): Promise<ProcedureList> {
    const words = searchWords(query.q ?? '');
    const found = rankProcedures(await this.repo.matching(words, query.field), words);
    const fields = words.length === 0 ? (await this.repo.fields()).sort((a, b) => compareVietnamese(a.name, b.name)) : [];
    return {
      total: found.length,
      procedures: found.slice(0, query.limit ?? PROCEDURE_PAGE_SIZE).map((p) => ({ code: p.code, name: p.name, field: p.field })),
      fields,
    };
  }

  async detail(code: string): Promise<ProcedureDetail> {
    const { nameFolded: _folded, ...procedure } = await this.row(code);
    return { ...procedure, service: this.deps.serviceFor(procedure.field) };
  }

  /** The papers to bring, printed and cut; a printer failure is the printer's coded error (the screen says so). */
  async print(code: string): Promise<{ printed: true }> {
    const p = await this.row(code);
    const service = this.deps.serviceFor(p.field);
    await this.deps.printer.print(
      papersSlip({
        centerName: this.deps.centerName,
        procedure: p,
        serviceName: service?.name.vi ?? null,
        counters: service?.counters.map((c) => c.name.vi) ?? [],
        printedAtMs: this.deps.clock.now(),
        timeZone: this.deps.timeZone,
      }),
    );
    return { printed: true };
  }

  private async row(code: string): Promise<ProcedureRow> {
    const row = await this.repo.get(code.trim().toUpperCase());
    if (!row) throw new AgentError('PROCEDURE_NOT_FOUND', PROCEDURE_TEXT.notFound(code));
    return row;
  }
}
