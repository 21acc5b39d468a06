/**
 * The technician's test prints. The sample shows whether Vietnamese comes out right (every tone mark and the
 * letters ă â đ ê ô ơ ư, in the configured text mode); the code-page chart prints bytes 0x20–0xFF after `ESC t n`
 * with their hex labels, so a printer whose code page n is not Windows-1258 is seen at once. Both end with a cut.
 */
import { addBlocks, newEncoder, startJob, type Block, type TextLayoutOptions } from './print-blocks';

export interface TestPrintData {
  centerName: string;
  printedAt: string;
  interfaceName: string;
}

export const TEST_PRINT_TEXT = {
  heading: 'IN THỬ – KI-ỐT DỊCH VỤ CÔNG',
  motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'],
  letters: 'ă â đ ê ô ơ ư Ă Â Đ Ê Ô Ơ Ư',
  tones: 'a à á ả ã ạ · ư ừ ứ ử ữ ự · ơ ờ ớ ở ỡ ợ',
  sentence: 'Trung tâm Phục vụ hành chính công xin kính chào quý khách.',
  mode: (o: TextLayoutOptions) => (o.text === 'cp1258' ? `Chế độ chữ: cp1258 (ESC t ${o.codePage}), ${o.columns} cột` : `Chế độ chữ: raster (ảnh), ${o.widthDots} điểm`),
  chartHeading: (codePage: number) => `BẢNG MÃ ESC t ${codePage}`,
  chartHint: 'Hàng C0–FF phải là chữ Việt (Windows-1258).',
} as const;

export function buildSamplePrintJob(d: TestPrintData, options: TextLayoutOptions): Uint8Array {
  const p = newEncoder();
  startJob(p, options);
  const blocks: Block[] = [
    { text: TEST_PRINT_TEXT.heading, size: 1, bold: true },
    { text: d.centerName, size: 1 },
    ...TEST_PRINT_TEXT.motto.map((text, i): Block => ({ text, size: 1, bold: i === 0 })),
    { text: TEST_PRINT_TEXT.letters, size: 2 },
    { text: TEST_PRINT_TEXT.tones, size: 1 },
    { text: TEST_PRINT_TEXT.sentence, size: 1 },
    { text: TEST_PRINT_TEXT.mode(options), size: 1 },
    { text: `${d.interfaceName} · ${d.printedAt}`, size: 1 },
  ];
  addBlocks(p, blocks, options);
  p.cut();
  return new Uint8Array(p.getBuffer());
}

/** Rows of 16 bytes with their high nibble as a label ("C_ ") — raw bytes, in the printer's code page `n`. */
export function codePageChartRows(): Uint8Array[] {
  const rows: Uint8Array[] = [];
  for (let high = 0x2; high <= 0xf; high++) {
    const label = Buffer.from(`${high.toString(16).toUpperCase()}_ `, 'latin1');
    // 0x7F (DEL) is printed as a space; nothing below 0x20 is sent, so no byte of the chart is a command.
    const bytes = Array.from({ length: 16 }, (_, low) => (high << 4) | low).map((b) => (b === 0x7f ? 0x20 : b));
    const spaced = bytes.flatMap((b) => [b, 0x20]);
    rows.push(new Uint8Array([...label, ...spaced, 0x0a]));
  }
  return rows;
}

export function buildCodePageChartJob(options: TextLayoutOptions): Uint8Array {
  const p = newEncoder();
  startJob(p, { ...options, text: 'cp1258' }); // the chart is about the printer's own code page, whatever the text mode
  addBlocks(p, [{ text: TEST_PRINT_TEXT.chartHeading(options.codePage), size: 1, bold: true }, { text: TEST_PRINT_TEXT.chartHint, size: 1 }], { ...options, text: 'cp1258' });
  p.alignLeft();
  for (const row of codePageChartRows()) p.add(Buffer.from(row));
  p.alignCenter();
  p.cut();
  return new Uint8Array(p.getBuffer());
}

/** The self-test report on paper: one line per check, ✓ or ✗, then what to check for the failed ones. */
export function buildSelfTestReportJob(d: { centerName: string; printedAt: string; checks: { name: string; ok: boolean; detail: string; advice: string[] }[] }, options: TextLayoutOptions): Uint8Array {
  const p = newEncoder();
  startJob(p, options);
  addBlocks(p, [{ text: 'TỰ KIỂM TRA KI-ỐT', size: 1, bold: true }, { text: d.centerName, size: 1 }, { text: d.printedAt, size: 1 }], options);
  if (options.text === 'cp1258') p.alignLeft();
  const lines: Block[] = d.checks.flatMap((c): Block[] => [
    { text: `${c.ok ? 'ĐẠT' : 'LỖI'} ${c.name}: ${c.detail}`, size: 1, bold: !c.ok, align: 'left' },
    ...(c.ok ? [] : c.advice.map((a): Block => ({ text: `- ${a}`, size: 1, align: 'left' }))),
  ]);
  addBlocks(p, lines, options);
  p.alignCenter();
  p.cut();
  return new Uint8Array(p.getBuffer());
}
