/**
 * The technician's prints (pure). The sample shows whether Vietnamese comes out right (every tone mark and the
 * letters ă â đ ê ô ơ ư, in the configured text mode); the code-page chart prints the printer's own code page with
 * hex labels, so a printer whose code page is not Windows-1258 is seen at once; the self-test report is one line per
 * check, then what to check for the failed ones.
 */
import type { PrintDocument, TextElement } from '../devices/printer/print-document';

/** How the site's printer is set up, as the sample print states it. */
export interface PrinterMode {
  text: 'cp1258' | 'raster';
  codePage: number;
  columns: number;
  widthDots: number;
}

export const TEST_PRINT_TEXT = {
  heading: 'IN THỬ – KI-ỐT DỊCH VỤ CÔNG',
  motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'],
  letters: 'ă â đ ê ô ơ ư Ă Â Đ Ê Ô Ơ Ư',
  tones: 'a à á ả ã ạ · ư ừ ứ ử ữ ự · ơ ờ ớ ở ỡ ợ',
  sentence: 'Trung tâm Phục vụ hành chính công xin kính chào quý khách.',
  mode: (o: PrinterMode) => (o.text === 'cp1258' ? `Chế độ chữ: cp1258 (ESC t ${o.codePage}), ${o.columns} cột` : `Chế độ chữ: raster (ảnh), ${o.widthDots} điểm`),
  chartHeading: (codePage: number) => `BẢNG MÃ ESC t ${codePage}`,
  chartHint: 'Hàng C0–FF phải là chữ Việt (Windows-1258).',
  selfTest: 'TỰ KIỂM TRA KI-ỐT',
  passed: 'ĐẠT',
  failed: 'LỖI',
} as const;

const text = (t: string, size: TextElement['size'] = 1, more: Partial<TextElement> = {}): TextElement => ({ kind: 'text', text: t, size, ...more });

export function samplePrint(d: { centerName: string; printedAt: string; interfaceName: string; mode: PrinterMode }): PrintDocument {
  return {
    elements: [
      text(TEST_PRINT_TEXT.heading, 1, { bold: true }),
      text(d.centerName),
      ...TEST_PRINT_TEXT.motto.map((t, i) => text(t, 1, { bold: i === 0 })),
      text(TEST_PRINT_TEXT.letters, 2),
      text(TEST_PRINT_TEXT.tones),
      text(TEST_PRINT_TEXT.sentence),
      text(TEST_PRINT_TEXT.mode(d.mode)),
      text(`${d.interfaceName} · ${d.printedAt}`),
    ],
  };
}

/** The chart is about the printer's own code page, whatever the site's text mode. */
export function codePageChart(codePage: number): PrintDocument {
  return {
    textMode: 'code-page',
    elements: [text(TEST_PRINT_TEXT.chartHeading(codePage), 1, { bold: true }), text(TEST_PRINT_TEXT.chartHint), { kind: 'code-page-chart' }],
  };
}

export function selfTestReport(d: { centerName: string; printedAt: string; checks: { name: string; ok: boolean; detail: string; advice: string[] }[] }): PrintDocument {
  return {
    elements: [
      text(TEST_PRINT_TEXT.selfTest, 1, { bold: true }),
      text(d.centerName),
      text(d.printedAt),
      ...d.checks.flatMap((c) => [
        text(`${c.ok ? TEST_PRINT_TEXT.passed : TEST_PRINT_TEXT.failed} ${c.name}: ${c.detail}`, 1, { bold: !c.ok, align: 'left' }),
        ...(c.ok ? [] : c.advice.map((a) => text(`- ${a}`, 1, { align: 'left' }))),
      ]),
    ],
  };
}
