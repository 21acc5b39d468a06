/**
 * Saves a file the browser way: a temporary link to the blob, clicked. The link's address is freed a while later,
 * not at once, because the browser may still be reading the blob when click() returns.
 */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV from the agent (UTF-8, its BOM already in the text) saved under `fileName`. */
export function saveCsvFile(fileName: string, csv: string): void {
  saveFile(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}
