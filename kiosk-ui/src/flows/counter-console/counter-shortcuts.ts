/**
 * Keyboard shortcuts of the counter console, one per action, so an officer can run the counter without the
 * mouse. Letters follow the Vietnamese labels: N (số tiếp theo), R (gọi lại), B (bắt đầu), H (hoàn thành),
 * V (vắng mặt), T (tạm dừng), C (chuyển), G (gọi số cụ thể); Esc closes a dialog. Pure: the page feeds it key presses.
 */
import type { CounterConsoleEvent } from './counter-console.machine';

export interface Shortcut {
  key: string;
  /** The catalogue key of the action's label (t.counter.actions[…]). */
  action: 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'park' | 'transfer' | 'callNumber';
  event: CounterConsoleEvent;
}

export const COUNTER_SHORTCUTS: readonly Shortcut[] = [
  { key: 'N', action: 'callNext', event: { type: 'command', command: { kind: 'call-next' } } },
  { key: 'R', action: 'recall', event: { type: 'command', command: { kind: 'recall' } } },
  { key: 'B', action: 'start', event: { type: 'command', command: { kind: 'start' } } },
  { key: 'H', action: 'finish', event: { type: 'command', command: { kind: 'finish' } } },
  { key: 'V', action: 'noShow', event: { type: 'command', command: { kind: 'no-show' } } },
  { key: 'T', action: 'park', event: { type: 'command', command: { kind: 'park' } } },
  { key: 'C', action: 'transfer', event: { type: 'dialog.transfer' } },
  { key: 'G', action: 'callNumber', event: { type: 'dialog.callNumber' } },
];

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  /** The key went to a text field (the token, a ticket number): it is typing, not a shortcut. */
  inTextField: boolean;
}

/** The event a key press stands for, or null. A held key does not repeat an action (one call per press). */
export function shortcutEvent(press: KeyPress): CounterConsoleEvent | null {
  if (press.key === 'Escape') return { type: 'dialog.cancel' };
  if (press.inTextField || press.ctrlKey || press.altKey || press.metaKey || press.repeat) return null;
  const key = press.key.toUpperCase();
  return COUNTER_SHORTCUTS.find((s) => s.key === key)?.event ?? null;
}
