/**
 * Reading GET /metrics as Prometheus does: every line is a comment (# HELP, # TYPE) or a sample
 * `name{label="value",…} number`; anything else fails the parse, so a test that reads a figure also proves the
 * exposition is well formed. Helpers to scrape an agent and find one sample by its name and some of its labels.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

// Prometheus reads the value with Go's ParseFloat, which takes NaN and Inf in any case (prom-client writes "Nan").
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|[+-]?inf|nan)$/i;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\.)*)"(,|$)/gy;

export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* \S/.test(line)) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    const body = m[2] ?? '';
    LABEL.lastIndex = 0;
    let consumed = 0;
    for (let l = LABEL.exec(body); l; l = LABEL.exec(body)) {
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      consumed = LABEL.lastIndex;
    }
    if (consumed !== body.length) throw new Error(`labels that do not parse: ${line}`);
    samples.push({ name: m[1]!, labels, value: /nan/i.test(m[3]!) ? Number.NaN : /inf/i.test(m[3]!) ? (m[3]!.startsWith('-') ? -Infinity : Infinity) : Number(m[3]) });
  }
  return samples;
}

/** The value of the one sample with this name whose labels include `labels`; undefined when there is none. */
export function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

/** GET /metrics with the given headers: the status, the content type and the parsed samples of a 200. */
export async function scrape(baseUrl: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; samples: Sample[]; body: string }> {
  const res = await fetch(`${baseUrl}/metrics`, { headers });
  const body = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', samples: res.status === 200 ? parseExposition(body) : [], body };
}
