/**
 * @napi-rs/canvas (Skia) loaded on first use rather than at start: it maps about 25 MB and takes time to load,
 * and a kiosk whose printer takes CP1258 text draws nothing (raster text, the demo's slip pictures do). The
 * release bench (tests/bench/release-bench.ts) measures the agent's start-up and resident memory against targets.
 */
import { createRequire } from 'node:module';
import type * as CanvasModule from '@napi-rs/canvas';

let loaded: typeof CanvasModule | undefined;

export function canvasModule(): typeof CanvasModule {
  return (loaded ??= createRequire(import.meta.url)('@napi-rs/canvas') as typeof CanvasModule);
}
