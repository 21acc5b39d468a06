import { describe, expect, it } from 'vitest';
import { IssueTicketRequestSchema, httpStatusOf } from '../../shared/api-schemas';
import { ERROR_HTTP_STATUS, PRINTER_ERROR_CODES, isErrorCode } from '../../shared/error-codes';
import { formatTicketNumber } from '../../shared/ticket-number';
import { AgentEventSchema } from '../../shared/ws-events';

describe('shared wire formats', () => {
  it('formats ticket numbers with the prefix and at least three digits', () => {
    expect(formatTicketNumber('A', 12)).toBe('A012');
    expect(formatTicketNumber('C', 1)).toBe('C001');
    expect(formatTicketNumber('AB', 1234)).toBe('AB1234');
  });

  it('accepts only known priority categories and no extra fields in a ticket request', () => {
    expect(IssueTicketRequestSchema.safeParse({ serviceId: 'tu-phap', priority: 'pregnant' }).success).toBe(true);
    expect(IssueTicketRequestSchema.safeParse({ serviceId: 'tu-phap', priority: 'child' }).success).toBe(false);
    expect(IssueTicketRequestSchema.safeParse({ serviceId: 'tu-phap', vip: true }).success).toBe(false);
    expect(IssueTicketRequestSchema.safeParse({ serviceId: 'Tư pháp' }).success).toBe(false);
  });

  it('maps every error code to a 4xx/5xx status; printer codes are errors the UI can branch on', () => {
    for (const [code, status] of Object.entries(ERROR_HTTP_STATUS)) {
      expect(isErrorCode(code)).toBe(true);
      expect(status).toBeGreaterThanOrEqual(400);
    }
    expect(httpStatusOf('SERVICE_NOT_FOUND')).toBe(404);
    expect(httpStatusOf('VALIDATION_FAILED')).toBe(400);
    expect(PRINTER_ERROR_CODES.every(isErrorCode)).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('rejects events of unknown type or shape', () => {
    expect(AgentEventSchema.safeParse({ type: 'printer.job', at: '2026-11-22T00:00:00Z', data: { jobId: 3 } }).success).toBe(true);
    expect(AgentEventSchema.safeParse({ type: 'printer.exploded', at: '', data: {} }).success).toBe(false);
    expect(AgentEventSchema.safeParse({ type: 'printer.job', at: '', data: { jobId: 'x' } }).success).toBe(false);
  });
});

describe('statistics ranges', () => {
  it('a range is real calendar days, in order, and at most a year', async () => {
    const { StatsQuerySchema } = await import('../../shared/counter-schemas');
    expect(StatsQuerySchema.safeParse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(true);
    expect(StatsQuerySchema.safeParse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true); // 366 days
    expect(StatsQuerySchema.safeParse({ from: '2024-01-01', to: '2025-01-01' }).success).toBe(false);
    expect(StatsQuerySchema.safeParse({ from: '0001-01-01', to: '9999-12-31' }).success).toBe(false);
    expect(StatsQuerySchema.safeParse({ from: '2026-02-31' }).success).toBe(false);
    expect(StatsQuerySchema.safeParse({ from: '2026-12-02', to: '2026-12-01' }).success).toBe(false);
  });
});
