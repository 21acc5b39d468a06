/**
 * A page's heap, from a DevTools heap snapshot, in buckets that tell a leak from the browser's own bookkeeping:
 * the page's objects (JS objects, closures, arrays, strings, DOM nodes), compiled code and V8's internal lists
 * (they grow while functions are optimised, and level off), DevTools' copy of network responses (kept only while
 * a debugger such as this bench is attached), and the Performance API's entries (fixed-size buffers).
 * A leak shows in the first bucket.
 */
import type { CDPSession } from 'playwright-core';

export type HeapBucket = 'page objects' | 'compiled code and V8 internals' | 'DevTools network buffer' | 'performance timeline entries';

/**
 * Entries the browser records for the Performance APIs whether or not anyone reads them, each type in a buffer of
 * fixed size (250 resource timings; 150 layout shifts, paints and interactions), with the rectangles of the shifts.
 */
const TIMELINE_ENTRIES = new Set(['PerformanceResourceTiming', 'LayoutShift', 'LayoutShiftAttribution', 'DOMRectReadOnly', 'LargestContentfulPaint', 'InteractionContentfulPaint', 'PerformanceEventTiming', 'PerformancePaintTiming']);

export interface HeapCensus {
  bytes: Record<HeapBucket, number>;
  /** Object counts of the page's own objects, by constructor or node name. */
  pageObjects: Map<string, number>;
}

function bucketOf(type: string, name: string): HeapBucket {
  if (type === 'code' || name.startsWith('system / ')) return 'compiled code and V8 internals';
  if (name.startsWith('blink::NetworkResourcesData')) return 'DevTools network buffer';
  if (TIMELINE_ENTRIES.has(name)) return 'performance timeline entries';
  return 'page objects';
}

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export function censusOf(raw: RawSnapshot): HeapCensus {
  const fields = raw.snapshot.meta.node_fields;
  const types = raw.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const bytes: Record<HeapBucket, number> = { 'page objects': 0, 'compiled code and V8 internals': 0, 'DevTools network buffer': 0, 'performance timeline entries': 0 };
  const pageObjects = new Map<string, number>();
  for (let i = 0; i < raw.nodes.length; i += width) {
    const type = types[raw.nodes[i + typeAt]!]!;
    const name = raw.strings[raw.nodes[i + nameAt]!]!;
    const bucket = bucketOf(type, name);
    bytes[bucket] += raw.nodes[i + sizeAt]!;
    if (bucket === 'page objects' && type !== 'synthetic') {
      const key = type.includes('string') ? '(string)' : `${type}:${name.slice(0, 60)}`;
      pageObjects.set(key, (pageObjects.get(key) ?? 0) + 1);
    }
  }
  return { bytes, pageObjects };
}

/** Collects garbage twice, then takes a snapshot and counts it. */
export async function heapCensus(cdp: CDPSession): Promise<HeapCensus> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return censusOf(JSON.parse(chunks.join('')) as RawSnapshot);
}

/** Bucket growth in KiB, and the object kinds whose count grew most. */
export function censusGrowth(before: HeapCensus, after: HeapCensus): { kib: Record<HeapBucket, number>; grownKinds: string[] } {
  const kib = Object.fromEntries(Object.entries(after.bytes).map(([k, v]) => [k, (v - before.bytes[k as HeapBucket]) / 1024])) as Record<HeapBucket, number>;
  const grownKinds = [...after.pageObjects]
    .map(([k, n]) => ({ k, d: n - (before.pageObjects.get(k) ?? 0) }))
    .filter((x) => x.d > 0)
    .sort((a, b) => b.d - a.d)
    .slice(0, 5)
    .map((x) => `${x.k} +${x.d}`);
  return { kib, grownKinds };
}
