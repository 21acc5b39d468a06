/**
 * Tickets at a centre of several agents (centre-agents.ts): issuing and calling through one agent, and the checks
 * the centre tests make of what came back and what is stored (numbers 1..N per service, none twice, every ticket
 * readable from any agent).
 */
import type { ErrorBody, IssuedTicket, TicketView } from '../../shared/api-schemas';
import type { CounterActionResponse } from '../../shared/counter-schemas';
import { CENTRE_STAFF, type CentreAgent } from './centre-agents';
import { getJson, postJson } from './http';
import { postgresPool } from './postgres-cluster';

export type Answer<T> = { status: number; body: T & Partial<ErrorBody> };
export const issue = (agent: CentreAgent, serviceId: string): Promise<Answer<IssuedTicket>> => postJson(`${agent.url}/api/tickets`, { serviceId });
export const callNext = (agent: CentreAgent, counterId: string): Promise<Answer<CounterActionResponse>> =>
  postJson(`${agent.url}/api/counters/${counterId}/call-next`, {}, CENTRE_STAFF);
export const seqOf = (number: string): number => Number(number.replace(/^[A-Z]+/, ''));
export const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
export const codeOf = (a: { status: number; body?: unknown }): string => `${a.status} ${(a.body as Partial<ErrorBody> | undefined)?.error?.code ?? ''}`.trim();

/** Tickets as stored, and the (day, service) sequences that are not exactly 1..n. */
export async function storedTickets(url: string): Promise<{ rows: { id: string; number: string; service_id: string; seq: number }[]; gaps: string[] }> {
  const pool = postgresPool(url, 1);
  try {
    const { rows } = await pool.query<{ id: string; number: string; service_id: string; seq: number; day: string }>(
      'SELECT id, number, service_id, seq, day FROM tickets ORDER BY day, service_id, seq',
    );
    const groups = new Map<string, number[]>();
    for (const r of rows) groups.set(`${r.day} ${r.service_id}`, [...(groups.get(`${r.day} ${r.service_id}`) ?? []), r.seq]);
    const gaps = [...groups].filter(([, seqs]) => seqs.join() !== oneToN(seqs.length).join()).map(([k, seqs]) => `${k}: ${seqs.join(',')}`);
    return { rows, gaps };
  } finally {
    await pool.end();
  }
}

/** Numbers used twice within a service among these tickets. */
export function repeated(tickets: Iterable<Pick<IssuedTicket, 'serviceId' | 'number'>>): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const t of tickets) {
    const key = `${t.serviceId}/${t.number}`;
    if (seen.has(key)) twice.push(key);
    seen.add(key);
  }
  return twice;
}

/** Reads each ticket back through an agent: the ones whose answer is not 200 with the same number. */
export async function unreadable(agent: CentreAgent, tickets: IssuedTicket[]): Promise<string[]> {
  const lost: string[] = [];
  for (let i = 0; i < tickets.length; i += 25) {
    await Promise.all(
      tickets.slice(i, i + 25).map(async (t) => {
        const view = await getJson<TicketView & Partial<ErrorBody>>(`${agent.url}/api/tickets/${t.id}`);
        if (view.status !== 200 || view.body.number !== t.number) lost.push(`${t.id} ${t.number}: ${view.status} ${JSON.stringify(view.body)}`);
      }),
    );
  }
  return lost;
}
