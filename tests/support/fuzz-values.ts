/**
 * What the API fuzz (tests/integration/api-fuzz.test.ts) is made of: a seeded random source, the odd values it
 * sends (too big, too deep, wrong types, path tricks, impossible dates), the operations read from the agent's
 * OpenAPI document, and a data folder on tmpfs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tempDir } from './temp-dir';

export interface JsonSchema { type?: string; properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[]; anyOf?: JsonSchema[]; minimum?: number; maximum?: number; minLength?: number; format?: string }
export interface Operation { method: string; path: string; audience: string; query: string[]; body?: JsonSchema }
export interface FuzzRequest { op: Operation; url: string; headers: Record<string, string>; body?: string }
export interface Outcome { status: number; type: string; text: string }

/** A seeded source of choices (mulberry32), so a failing run can be replayed with its FUZZ_SEED. */
export function seededRandom(seed: number) {
  let a = seed;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    rand,
    chance: (p: number): boolean => rand() < p,
    int: (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!,
  };
}

export const BIG = 'x'.repeat(100_000);
export const HUGE = `{"csv":"${'y'.repeat(3 * 1024 * 1024)}"}`;
export const DEEP_ARRAY = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
export const DEEP_OBJECT = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
export const ODD = ['', ' ', 'a'.repeat(65), 'b'.repeat(5000), 'Tư pháp – Hộ tịch', '😀🏛️', '\u0000', '\u202eعربى', "' OR 1=1--", '__proto__', 'constructor', '../../etc/passwd', '%ff', 'NaN', '-1'];
export const WRONG: unknown[] = [null, 0, -1, 1.5, 1e308, true, [], [1, 'a'], {}, { a: { b: [] } }, BIG, ...ODD];
export const PATH_ODD = ['0', '-1', '99999999999999999999', '1.5', 'a'.repeat(65), '%00', '%2e%2e%2f', '%2e%2e', '..', '%ff', '%E0%A4%A', encodeURIComponent('😀'), '😀', 'Tư pháp', '%20', 'a b', "' OR 1=1--", encodeURIComponent("' OR 1=1--"), '__proto__', 'constructor', 'toString', '%2F', '%3F', '%23'];
export const QUERY_VALUES = ['2026-02-31', '0001-01-01', '9999-12-31', '2025-07-04', '2024-02-29', '2023-02-29', '0000-00-00', '2025-13-01', '20250704', '1', '0', '-5', '500', '1000', '1001', '1e3', '0x10', 'NaN', 'Infinity', '1.5', '99999999999999999999', '', 'abc', '%ff', '%00', encodeURIComponent('😀'), "'+OR+1=1--"];

/** The operations as the agent documents them. */
export function operationsOf(doc: { paths: Record<string, Record<string, { 'x-audience': string; parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      audience: op['x-audience'],
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      ...(op.requestBody ? { body: op.requestBody.content['application/json']!.schema } : {}),
    })),
  );
}

/** The store on tmpfs where there is one: thousands of writes, each an fsync on a disk (durability is tested elsewhere). */
export function dataDir(): { path: string; cleanup(): void } {
  try {
    const path = mkdtempSync('/dev/shm/motcua-fuzz-');
    return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
  } catch {
    return tempDir();
  }
}
