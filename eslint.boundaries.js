/**
 * The walls of the house (docs/ARCHITECTURE.md "The walls"), checked by lint: `npm run check` fails with the message
 * of the wall that an import crosses. Paths are folders of the repository; `except` entries are relative to `from`.
 */
import { readdirSync } from 'node:fs';

const AGENT = 'kiosk-agent/src';
const DOMAIN = ['queue', 'pickup', 'diagnostics', 'stats', 'feedback', 'notify', 'upstream', 'privacy', 'slips', 'demo', 'display', 'staff', 'monitoring', 'payments', 'procedures'].map((d) => `${AGENT}/${d}`);
/** What domain code may know of a device: its interface, never its driver. */
const DEVICE_INTERFACES = ['./printer/printer.ts', './printer/print-document.ts', './scanner/scanner.ts', './locker/locker-board.ts', './serial/port-list.ts'];

const zones = [
  ...DOMAIN.flatMap((target) => [
    { target, from: `${AGENT}/devices`, except: DEVICE_INTERFACES, message: 'Domain code knows devices by their interfaces only (printer.ts, scanner.ts, locker-board.ts…): the composition root picks the driver.' },
    { target, from: `${AGENT}/api`, message: 'Domain code knows nothing of HTTP: routes in api/ call the domain, never the reverse.' },
    { target, from: `${AGENT}/compose`, message: 'Only main.ts and tests import the composition root.' },
    { target, from: `${AGENT}/store`, except: ['./store-port.ts'], message: 'Domain code knows the store by its port (store/store-port.ts): SQLite or PostgreSQL is picked by the composition root.' },
  ]),
  { target: `${AGENT}/devices`, from: DOMAIN, message: 'Devices know nothing of the domain: they move bytes and report states.' },
  { target: `${AGENT}/devices`, from: [`${AGENT}/store`, `${AGENT}/api`, `${AGENT}/compose`, `${AGENT}/config`], message: 'Devices know nothing of the store, the API, the config file or the composition root: they are handed what they need.' },
  { target: `${AGENT}/api`, from: `${AGENT}/devices`, except: DEVICE_INTERFACES, message: 'The API does not drive devices or simulators: it sees the domain and the DemoControls interface.' },
  { target: `${AGENT}/api`, from: `${AGENT}/compose`, message: 'The API is wired by the composition root, never the reverse.' },
  { target: `${AGENT}/store`, from: [`${AGENT}/api`, `${AGENT}/devices`, `${AGENT}/compose`, ...DOMAIN], message: 'The store knows tables and migrations, not who uses them.' },
  { target: `${AGENT}/store`, from: `${AGENT}/backup`, message: 'The store calls a hook before migrating; the composition root passes the snapshot in (backup/pre-migration-snapshot.ts).' },
  { target: `${AGENT}/backup`, from: [`${AGENT}/api`, `${AGENT}/devices`, `${AGENT}/compose`, ...DOMAIN], message: 'Backups copy the store as files and dumps: they know the store and the config, not the domain, the API or devices.' },
  { target: `${AGENT}/config`, from: [`${AGENT}/api`, `${AGENT}/devices`, `${AGENT}/store`, `${AGENT}/compose`, ...DOMAIN], message: 'The site config is read by everyone and reads no one.' },
  { target: [`${AGENT}/core`, `${AGENT}/errors`, `${AGENT}/events`], from: AGENT, except: ['./core', './errors', './events'], message: 'core/, errors/ and events/ are the ground floor: they import nothing above them.' },
  { target: 'shared', from: [AGENT, 'kiosk-ui'], message: 'shared/ is used by the agent and the UI, and uses neither.' },
  { target: 'kiosk-ui', from: 'kiosk-agent', message: 'The UI talks to the agent over HTTP and WebSocket only (shared/ holds what both know).' },
  { target: 'kiosk-agent', from: 'kiosk-ui', message: 'The agent does not import the UI.' },
  { target: 'kiosk-ui/src/ui', from: 'kiosk-ui/src/flows', message: 'ui/ holds building blocks: it never reaches into a flow.' },
  ...readdirSync('kiosk-ui/src/flows').map((flow) => ({
    target: `kiosk-ui/src/flows/${flow}`,
    from: 'kiosk-ui/src/flows',
    except: [`./${flow}`],
    message: `Flows never import each other (${flow}): the kiosk session in app/ runs them as children, app/ routes to pages.`,
  })),
  { target: ['kiosk-ui/src/flows', 'kiosk-ui/src/ui'], from: 'kiosk-ui/src/app', message: 'app/ composes flows and pages: flows and ui/ never reach up into it.' },
];

export default zones;
