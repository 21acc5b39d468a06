/**
 * A province one-stop system over HTTP (site config `upstream.driver: "http"`). Lookups answer within
 * `timeoutMs` or fail with UPSTREAM_UNAVAILABLE (the kiosk then answers from its own store); reports throw on
 * anything but 2xx so the outbox retries them. The token is sent, never logged or put in an error.
 */
import type { UpstreamHttpConfig } from '../config/upstream-config-schema';
import { httpCall, type HttpAnswer } from '../core/http-client';
import { AgentError } from '../errors/agent-error';
import { mapUpstreamDossier, reportBody } from './field-mapping';
import type { StatusReport, UpstreamAdapter, UpstreamDossier } from './upstream-adapter';

const UNAVAILABLE = 'Chưa kết nối được hệ thống một cửa. Vui lòng thử lại sau ít phút hoặc đến quầy trả kết quả.';

export class HttpUpstream implements UpstreamAdapter {
  readonly name = 'http' as const;

  constructor(private readonly cfg: UpstreamHttpConfig) {}

  private url(template: string, code: string): string {
    return `${this.cfg.baseUrl.replace(/\/$/, '')}${template.replace('{code}', encodeURIComponent(code))}`;
  }

  private headers(json: boolean): Record<string, string> {
    return {
      accept: 'application/json',
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...(this.cfg.token ? { authorization: `Bearer ${this.cfg.token}` } : {}),
    };
  }

  async fetchDossier(code: string): Promise<UpstreamDossier | undefined> {
    let res: HttpAnswer;
    try {
      res = await httpCall(this.url(this.cfg.lookupPath, code), { headers: this.headers(false), signal: AbortSignal.timeout(this.cfg.timeoutMs) });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      throw new AgentError('UPSTREAM_UNAVAILABLE', UNAVAILABLE, { cause: timedOut ? `no answer within ${this.cfg.timeoutMs} ms` : (err as Error).message });
    }
    if (res.status === 404) return undefined;
    if (!res.ok) throw new AgentError('UPSTREAM_UNAVAILABLE', UNAVAILABLE, { cause: `HTTP ${res.status}` });
    let body: unknown;
    try {
      body = res.json();
    } catch {
      throw new AgentError('UPSTREAM_UNAVAILABLE', UNAVAILABLE, { cause: 'response is not JSON' });
    }
    const mapped = mapUpstreamDossier(body, this.cfg);
    if (!mapped.ok) throw new AgentError('UPSTREAM_UNAVAILABLE', UNAVAILABLE, { cause: `cannot map the dossier: ${mapped.problems.join('; ')}` });
    return mapped.dossier;
  }

  async reportStatus(report: StatusReport, signal?: AbortSignal): Promise<void> {
    const res = await httpCall(this.url(this.cfg.reportPath, report.dossierCode), {
      method: this.cfg.reportMethod,
      headers: this.headers(true),
      body: JSON.stringify(reportBody(report, this.cfg)),
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(this.cfg.timeoutMs)]) : AbortSignal.timeout(this.cfg.timeoutMs),
    });
    if (!res.ok) throw new Error(`one-stop system answered HTTP ${res.status} to the status report`);
  }
}
