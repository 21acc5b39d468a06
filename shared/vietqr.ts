/**
 * VietQR payloads (NAPAS IBFT on EMVCo merchant-presented QR, docs DESIGN §8), pure and browser-safe: the agent
 * builds one per unpaid dossier, tests parse them back. A payload is a chain of TLV objects: a 2-digit tag, a
 * 2-digit length (1–99 characters), the value; templates (38, 62) nest the same format. The last object is the
 * CRC (tag 63), computed over everything before its value, "6304" included.
 */

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor; "123456789" → 0x29B1. */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The CRC as the payload carries it: 4 uppercase hex digits. */
export const crcHex = (text: string): string => crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, '0');

/** One TLV object; refuses what the format cannot carry (empty, longer than 99, a bad tag). */
export function tlv(tag: string, value: string): string {
  if (!/^\d{2}$/.test(tag)) throw new Error(`bad EMVCo tag "${tag}"`);
  if (value.length < 1 || value.length > 99) throw new Error(`EMVCo value of tag ${tag} is ${value.length} characters (1–99)`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** Appends the CRC object to a payload without one. */
export function withCrc(body: string): string {
  const head = `${body}6304`;
  return head + crcHex(head);
}

export interface VietQrInput {
  /** The receiving bank's 6-digit NAPAS BIN (e.g. 970415 VietinBank). */
  bankBin: string;
  accountNumber: string;
  /** Whole dong (VND has no minor unit). */
  amount: number;
  /** Transfer content the bank shows and passes on (tag 62/08, at most 25 characters). */
  purpose: string;
  /** "12" (dynamic: one payment, the amount fixed) unless a static code is wanted ("11"). */
  initiation?: '11' | '12';
}

/** Banks strip or reject anything but letters, digits and spaces in a transfer's content. */
const PURPOSE = /^[A-Za-z0-9 ]{1,25}$/;

export function vietQrPayload(q: VietQrInput): string {
  if (!/^\d{6}$/.test(q.bankBin)) throw new Error('bank BIN must be 6 digits');
  if (!/^[A-Za-z0-9]{1,19}$/.test(q.accountNumber)) throw new Error('account number must be 1–19 letters or digits');
  if (!Number.isSafeInteger(q.amount) || q.amount <= 0 || String(q.amount).length > 13) throw new Error('amount must be a positive whole number of dong');
  if (!PURPOSE.test(q.purpose)) throw new Error('purpose must be 1–25 letters, digits or spaces');
  const beneficiary = tlv('00', q.bankBin) + tlv('01', q.accountNumber);
  return withCrc(
    tlv('00', '01') +
      tlv('01', q.initiation ?? '12') +
      tlv('38', tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA')) +
      tlv('53', '704') +
      tlv('54', String(q.amount)) +
      tlv('58', 'VN') +
      tlv('62', tlv('08', q.purpose)),
  );
}

export interface TlvObject {
  tag: string;
  value: string;
}

/** Splits one level of TLV objects; throws on a length that runs past the end. */
export function parseTlv(text: string): TlvObject[] {
  const out: TlvObject[] = [];
  let i = 0;
  while (i < text.length) {
    const tag = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(text.slice(i + 2, i + 4)) || i + 4 + len > text.length) throw new Error(`bad TLV at ${i}`);
    out.push({ tag, value: text.slice(i + 4, i + 4 + len) });
    i += 4 + len;
  }
  return out;
}

export interface ParsedVietQr {
  initiation: string;
  bankBin: string;
  accountNumber: string;
  service: string;
  currency: string;
  amount: number | null;
  country: string;
  purpose: string | null;
  crc: string;
  /** Whether the CRC matches the payload. */
  crcValid: boolean;
}

/** A VietQR payload read back (tests, and a check the agent may run on its own output). */
export function parseVietQr(payload: string): ParsedVietQr {
  const root = parseTlv(payload);
  const get = (objs: TlvObject[], tag: string): string | undefined => objs.find((o) => o.tag === tag)?.value;
  const merchant = parseTlv(get(root, '38') ?? '');
  const beneficiary = parseTlv(get(merchant, '01') ?? '');
  const extra = parseTlv(get(root, '62') ?? '');
  const crc = get(root, '63') ?? '';
  const amount = get(root, '54');
  return {
    initiation: get(root, '01') ?? '',
    bankBin: get(beneficiary, '00') ?? '',
    accountNumber: get(beneficiary, '01') ?? '',
    service: get(merchant, '02') ?? '',
    currency: get(root, '53') ?? '',
    amount: amount === undefined ? null : Number(amount),
    country: get(root, '58') ?? '',
    purpose: get(extra, '08') ?? null,
    crc,
    crcValid: payload.endsWith(`6304${crc}`) && crcHex(payload.slice(0, -4)) === crc,
  };
}
