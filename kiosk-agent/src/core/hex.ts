/** Bytes as technicians read them: "30 30 2e ff", at most the first 64 (pure). */
export function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes.slice(0, 64), (b) => b.toString(16).padStart(2, '0')).join(' ');
}
