/** The font shipped with the agent (DejaVu Sans, covers Vietnamese), registered once for raster text and previews. */
import { canvasModule } from './canvas-module';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root';

export const TICKET_FONT_FAMILY = 'KioskTicketSans';
let registered = false;

export function ensureTicketFont(): string {
  if (!registered) {
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
      const path = join(packageRoot(), 'kiosk-agent/assets/fonts', file);
      if (!canvasModule().GlobalFonts.registerFromPath(path, TICKET_FONT_FAMILY)) throw new Error(`cannot load ticket font ${path}`);
    }
    registered = true;
  }
  return TICKET_FONT_FAMILY;
}
