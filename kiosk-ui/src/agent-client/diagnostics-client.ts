/**
 * The technician's client: opening a session with the PIN, then every diagnostics request with its token as
 * `Authorization: Bearer …` (the agent ends the session after its idle time; requests then fail with
 * TECHNICIAN_SESSION_REQUIRED, which the diagnostics machine turns into "enter the PIN again").
 */
import {
  AuditListSchema,
  DiagnosticsOverviewSchema,
  LockerGridSchema,
  LogTailSchema,
  OpenAllResponseSchema,
  OpenCompartmentResponseSchema,
  PrinterDiagnosisSchema,
  ScannerDiagnosisSchema,
  SelfTestReportSchema,
  SerialPortListSchema,
  TechnicianSessionSchema,
  TestPrintResponseSchema,
} from '../../../shared/diagnostics-schemas';
import { z } from 'zod';
import { AgentClient } from './agent-client';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class DiagnosticsClient extends AgentClient {
  constructor(
    fetchImpl: FetchLike,
    private readonly token: string | null,
  ) {
    super(fetchImpl);
  }

  protected override authHeaders(): Record<string, string> {
    return { ...super.authHeaders(), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) };
  }

  openSession(pin: string) {
    return this.request(TechnicianSessionSchema, '/api/diagnostics/session', { method: 'POST', body: JSON.stringify({ pin }) });
  }

  endSession() {
    return this.request(z.undefined(), '/api/diagnostics/session/end', { method: 'POST', body: '{}' });
  }

  overview() {
    return this.request(DiagnosticsOverviewSchema, '/api/diagnostics/overview');
  }

  printer() {
    return this.request(PrinterDiagnosisSchema, '/api/diagnostics/printer');
  }

  scanner() {
    return this.request(ScannerDiagnosisSchema, '/api/diagnostics/scanner');
  }

  lockers() {
    return this.request(LockerGridSchema, '/api/diagnostics/lockers');
  }

  serialPorts() {
    return this.request(SerialPortListSchema, '/api/diagnostics/serial-ports');
  }

  log(lines = 200) {
    return this.request(LogTailSchema, `/api/diagnostics/log?lines=${lines}`);
  }

  audit(limit = 100) {
    return this.request(AuditListSchema, `/api/diagnostics/audit?limit=${limit}`);
  }

  testPrint(kind: 'sample' | 'code-page') {
    return this.request(TestPrintResponseSchema, '/api/diagnostics/printer/test-print', { method: 'POST', body: JSON.stringify({ kind }) });
  }

  openCompartment(board: number, lock: number, reason?: string) {
    return this.request(OpenCompartmentResponseSchema, '/api/diagnostics/lockers/open', { method: 'POST', body: JSON.stringify({ board, lock, ...(reason ? { reason } : {}) }) });
  }

  openAll(reason: string) {
    return this.request(OpenAllResponseSchema, '/api/diagnostics/lockers/open-all', { method: 'POST', body: JSON.stringify({ confirm: true, reason }) });
  }

  selfTest(print: boolean) {
    return this.request(SelfTestReportSchema, '/api/diagnostics/self-test', { method: 'POST', body: JSON.stringify({ print }) });
  }

  /** The support bundle as a file: its name from the agent's Content-Disposition, and its bytes. */
  async bundle(): Promise<{ fileName: string; blob: Blob }> {
    const res = await this.send('/api/diagnostics/bundle');
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'motcua-diagnostics.json';
    return { fileName, blob: await res.blob() };
  }
}
