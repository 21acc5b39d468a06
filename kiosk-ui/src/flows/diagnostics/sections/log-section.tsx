/** The agent's last log lines. */
import type { DataOf } from '../diagnostics.types';
import type { SectionProps } from './section-props';

export function LogSection({ data }: Pick<SectionProps<DataOf<'log'>>, 'data'>) {
  return <pre className="diag__log">{data.lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}</pre>;
}
