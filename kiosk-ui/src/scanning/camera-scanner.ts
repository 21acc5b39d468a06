/**
 * The third way to scan a slip: the kiosk's camera, through html5-qrcode, loaded as its own chunk only when a
 * visitor asks for the camera (it is large, and most kiosks have a scanner). Reads QR codes and the common 1D
 * barcodes of appointment slips into the element with `elementId`, which the page renders while the camera is on.
 */
export type CameraFailure = 'CAMERA_UNAVAILABLE' | 'CAMERA_DENIED';

export interface CameraSession {
  stop(): Promise<void>;
}

/** Waits for the page to render the camera's element (the machine starts the camera before React draws it). */
async function elementReady(id: string, timeoutMs = 3_000): Promise<void> {
  const started = performance.now();
  while (!document.getElementById(id)) {
    if (performance.now() - started > timeoutMs) throw new Error(`#${id} not rendered`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

export async function startCamera(elementId: string, onCode: (code: string) => void): Promise<CameraSession> {
  const [{ Html5Qrcode, Html5QrcodeSupportedFormats }] = await Promise.all([import('html5-qrcode'), elementReady(elementId)]);
  const scanner = new Html5Qrcode(elementId, {
    verbose: false,
    formatsToSupport: [
      Html5QrcodeSupportedFormats.QR_CODE,
      Html5QrcodeSupportedFormats.CODE_128,
      Html5QrcodeSupportedFormats.CODE_39,
      Html5QrcodeSupportedFormats.DATA_MATRIX,
    ],
    useBarCodeDetectorIfSupported: true,
  });
  let done = false;
  try {
    await scanner.start(
      { facingMode: 'environment' },
      { fps: 8, qrbox: (w: number, h: number) => ({ width: Math.floor(Math.min(w, h) * 0.8), height: Math.floor(Math.min(w, h) * 0.8) }) },
      (text) => {
        if (done) return;
        done = true; // one slip per opening; the flow closes the camera
        onCode(text);
      },
      undefined,
    );
  } catch (err) {
    const denied = err instanceof Error ? /permission|notallowed/i.test(`${err.name} ${err.message}`) : /permission|notallowed/i.test(String(err));
    throw Object.assign(new Error(String(err)), { code: (denied ? 'CAMERA_DENIED' : 'CAMERA_UNAVAILABLE') satisfies CameraFailure });
  }
  return {
    stop: async () => {
      done = true;
      await scanner.stop().catch(() => undefined);
      scanner.clear();
    },
  };
}
