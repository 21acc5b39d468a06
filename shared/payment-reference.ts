/**
 * The payment reference a citizen's bank transfer carries (VietQR tag 62/08), and the way back to the dossier.
 *
 * Dossier codes (`000.00.15.H29-250704-0012`) have dots and dashes, which many banks strip from a transfer's content
 * (or refuse). So the reference is "HS" + the code's letters and digits: `HS0000015H292507040012` (22 characters,
 * within the 25 VietQR allows). The code's groups have fixed widths (shared/dossier-code.ts), so the separators go
 * back in exactly. The "HS" (hồ sơ) prefix finds the reference inside a longer content line, as banks and
 * intermediaries prepend their own words ("MBVCB.1234.HS0000015H29….CT tu …").
 */
import { parseDossierCode } from './dossier-code';

export function paymentReferenceOf(dossierCode: string): string {
  return `HS${dossierCode.toUpperCase().replace(/[^0-9A-Z]/g, '')}`;
}

const IN_CONTENT = /HS(\d{3})(\d{2})(\d{2})([A-Z]\d{2})(\d{2})(\d{2})(\d{2})(\d{4})/;

/** The dossier code a webhook's reference names: the reference itself, the code as written, or either inside text. */
export function dossierCodeOfReference(reference: string): string | undefined {
  const exact = parseDossierCode(reference);
  if (exact) return exact.code;
  const folded = reference.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const m = IN_CONTENT.exec(folded);
  if (!m) return undefined;
  const [, v, z, y, mx, yy, mm, dd, seq] = m as unknown as string[];
  return parseDossierCode(`${v}.${z}.${y}.${mx}-${yy}${mm}${dd}-${seq}`)?.code;
}
