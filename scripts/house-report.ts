/**
 * `npm run house`: the shape of the code base, as issue notes report it — files and lines per folder, the largest
 * files, imports from domain code into device implementations, and import cycles. Reads the sources' relative
 * imports (type-only ones included: a cycle of types is still a tangle for a reader).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCES = ['shared', 'kiosk-agent/src', 'kiosk-ui/src'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const files = SOURCES.flatMap((s) => walk(join(ROOT, s)));
const rel = (p: string): string => relative(ROOT, p);
const lines = new Map(files.map((f) => [f, readFileSync(f, 'utf8').split('\n').length]));

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (lines.has(candidate)) return candidate;
  return undefined;
}

const imports = new Map<string, string[]>();
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  imports.set(f, [...new Set(specs.map((s) => resolveImport(f, s)).filter((x): x is string => x !== undefined))]);
}

// Folders and their sizes.
const byFolder = new Map<string, { files: number; lines: number }>();
for (const f of files) {
  const folder = rel(dirname(f));
  const entry = byFolder.get(folder) ?? { files: 0, lines: 0 };
  entry.files += 1;
  entry.lines += lines.get(f)!;
  byFolder.set(folder, entry);
}
console.log('files and lines per folder:');
for (const [folder, e] of [...byFolder].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${folder.padEnd(48)} ${String(e.files).padStart(3)} files ${String(e.lines).padStart(6)} lines`);
console.log(`  total: ${files.length} files, ${[...lines.values()].reduce((a, b) => a + b, 0)} lines`);

console.log('largest files:');
for (const [f, n] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(n).padStart(5)}  ${rel(f)}`);

// Domain → device implementations: a domain module may know a device's interface, never how it is driven.
const agent = (p: string): string => rel(p).replace(/^kiosk-agent\/src\//, '');
const DOMAIN = /^(queue|pickup|payments|diagnostics|stats|feedback|notify|upstream|privacy|slips|display|monitoring|procedures)\//;
const DEVICE_INTERFACES = new Set(['devices/printer/printer.ts', 'devices/printer/print-document.ts', 'devices/scanner/scanner.ts', 'devices/locker/locker-board.ts', 'devices/serial/port-list.ts']);
const crossings = files
  .filter((f) => rel(f).startsWith('kiosk-agent/src/') && DOMAIN.test(agent(f)))
  .flatMap((f) => imports.get(f)!.filter((t) => agent(t).startsWith('devices/') && !DEVICE_INTERFACES.has(agent(t))).map((t) => `${agent(f)} → ${agent(t)}`));
console.log(`imports from domain code into device implementations: ${crossings.length}`);
for (const c of crossings) console.log(`  ${c}`);

// Cycles: strongly connected components with more than one file (Tarjan).
let index = 0;
const idx = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];
function connect(v: string): void {
  idx.set(v, index);
  low.set(v, index);
  index += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of imports.get(v) ?? []) {
    if (!idx.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
  }
  if (low.get(v) === idx.get(v)) {
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) cycles.push(scc.map(rel).sort());
  }
}
for (const f of files) if (!idx.has(f)) connect(f);
console.log(`import cycles: ${cycles.length}`);
for (const c of cycles) console.log(`  ${c.join(' ↔ ')}`);
