/** "Bạn thuộc đối tượng ưu tiên?" answered in one touch: "Không" or the category itself. */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { priorityOnly } from '../service-availability';
import type { ScreenProps } from './screen-props';

export function PriorityScreen({ state, send }: ScreenProps) {
  const t = useT();
  const categories = state.context.priorityCategories;
  return (
    <>
      <p className="lead">{t.priority.hint}</p>
      <div className="choices choices--grid">
        {/* Came by the attract screen's priority button (they have said they are one), or a closing service. */}
        {priorityOnly(state.context) ? null : (
          <BigButton label={t.priority.no} hint={t.priority.noHint} onPress={() => send({ type: 'priority.chosen', priority: null })} />
        )}
        {categories.map((c) => (
          <BigButton key={c} label={t.priority[c]} variant="priority" onPress={() => send({ type: 'priority.chosen', priority: c })} />
        ))}
      </div>
    </>
  );
}
