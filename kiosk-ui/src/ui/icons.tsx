/**
 * Line icons drawn inline: the kiosk's Chromium has no colour-emoji font, and nothing may be fetched from a CDN.
 * Decorative only (the button's text names it), so they are hidden from assistive technology by the caller.
 */
const common = { width: 56, height: 56, viewBox: '0 0 48 48', fill: 'none', stroke: 'currentColor', strokeWidth: 3, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export function TicketIcon() {
  return (
    <svg {...common}>
      <path d="M6 14h36v6a4 4 0 0 0 0 8v6H6v-6a4 4 0 0 0 0-8z" />
      <path d="M30 14v20" strokeDasharray="3 4" />
      <path d="M13 22h10M13 27h7" />
    </svg>
  );
}

export function CalendarIcon() {
  return (
    <svg {...common}>
      <rect x="6" y="10" width="36" height="32" rx="3" />
      <path d="M6 19h36M15 5v9M33 5v9" />
      <path d="M16 30l5 5 10-10" />
    </svg>
  );
}

export function DocumentIcon() {
  return (
    <svg {...common}>
      <path d="M12 5h17l9 9v29H12z" />
      <path d="M29 5v9h9" />
      <path d="M18 24h14M18 30h14M18 36h9" />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <svg {...common}>
      <circle cx="20" cy="20" r="12" />
      <path d="M29 29l12 12" />
      <path d="M15 17h10M15 23h7" />
    </svg>
  );
}
