/** A period of days for the staff pages (statistics, service quality): two dates and a "show" button. */
import { useState } from 'react';

export function DateRangeForm(props: {
  from: string;
  to: string;
  disabled: boolean;
  labels: { from: string; to: string; show: string };
  onShow: (from: string, to: string) => void;
}) {
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  return (
    <form
      className="stats__range"
      onSubmit={(e) => {
        e.preventDefault();
        props.onShow(from, to);
      }}
    >
      <label>
        {props.labels.from} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
      </label>
      <label>
        {props.labels.to} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <button type="submit" className="console__button console__button--primary" disabled={props.disabled}>{props.labels.show}</button>
    </form>
  );
}
