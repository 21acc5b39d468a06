/**
 * The message for an agent error code from a catalogue section of messages: its own entry, the section's network
 * message for NETWORK_ERROR / NETWORK_TIMEOUT, or its `other`. Null when there is no error.
 */
export function errorText(messages: { NETWORK_ERROR: string; other: string }, code: string | null): string | null {
  if (!code) return null;
  const byCode = messages as unknown as Record<string, string>;
  return byCode[code] ?? (code.startsWith('NETWORK') ? messages.NETWORK_ERROR : messages.other);
}
