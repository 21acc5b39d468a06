/** What demo "scans" carry: a plain dossier-code barcode and the lookup-URL QR that TT 01/2023 slips often hold. */
export const SAMPLE_SLIP_CODES = [
  '000.00.15.H29-250704-0012',
  'https://dichvucong.example.gov.vn/tra-cuu?SGT=001234567890&MHS=000.00.15.H29-250704-0013',
] as const;
