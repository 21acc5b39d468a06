/**
 * Imported first by main.tsx, so the kiosk's info is on its way while React, zod and xstate are still being
 * evaluated; the boot state's `loadKiosk` then finds it (agent-client/early-requests.ts). Only on the kiosk's page.
 */
import { startEarly } from '../agent-client/early-requests';

if (location.pathname === '/' || location.pathname === '/index.html') startEarly('/api/kiosk');
