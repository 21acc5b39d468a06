/**
 * The kiosk's screens for the fit test (tests/e2e/screens-fit.test.ts): how to reach each from the home screen, in
 * the mode set, and how to leave it for home again. A new screen is one more entry here.
 */
import { DEMO_DOSSIERS } from '../../../shared/demo-dossiers';
import { postJson } from '../../support/http';
import { STAFF } from '../../support/lockers';
import { FEE_DOSSIER } from './fees';
import { fitClock, leaveForHome, shutOpenDoors, type Kiosk } from './kiosk-driver';

/** From 09:00 to 11:31: the centre closes for lunch. */
const LUNCH = 2 * 3_600_000 + 31 * 60_000;

export interface ScreenCase {
  name: string;
  /** From the home screen, in the mode set, to this screen. */
  reach: (k: Kiosk) => Promise<void>;
  /** Back to the home screen; by default its "Về trang chủ" or "Xong". */
  leave?: (k: Kiosk) => Promise<void>;
}

/** The kiosk's screens. A new screen is one more entry here. */
export const SCREENS: ScreenCase[] = [
  { name: 'home', reach: async () => {}, leave: async () => {} },
  {
    name: 'services',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('cu-tru').waitFor();
    },
  },
  {
    name: 'priority question',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('lao-dong').tap();
      await k.heading(k.t.priority.heading);
    },
  },
  {
    name: 'ticket',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('dat-dai').tap();
      await k.tap(new RegExp(`^${k.t.priority.no}`));
      await k.page.locator('.ticket__number').waitFor();
    },
    leave: async (k) => {
      await k.tap(k.t.ticket.done);
      await k.home();
    },
  },
  {
    name: 'ticket unprinted',
    reach: async (k) => {
      k.agent.simulators.printer!.setState({ paper: 'out' });
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('nong-nghiep').tap();
      await k.tap(k.t.priority.elderly);
      await k.page.locator('.ticket--unprinted .ticket__qr svg, .ticket--unprinted .ticket__qr img, .ticket--unprinted .ticket__qr canvas').first().waitFor();
    },
    leave: async (k) => {
      k.agent.simulators.printer!.setState({ paper: 'ok' });
      await k.tap(k.t.ticket.done);
      await k.home();
    },
  },
  {
    name: 'refused: service closed',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('chung-thuc').tap();
      await k.heading(k.t.priority.heading);
      fitClock.jump = LUNCH; // the centre closes between the list and the touch
      try {
        await k.tap(new RegExp(`^${k.t.priority.no}`));
        await k.page.locator('[data-refusal="SERVICE_CLOSED"]').waitFor();
      } finally {
        fitClock.jump = 0;
      }
    },
    leave: async (k) => {
      await k.tap(k.t.nav.home);
      await k.home();
    },
  },
  {
    name: 'phone number step',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('kinh-doanh').tap();
      await k.tap(new RegExp(`^${k.t.priority.no}`));
      await k.tap(new RegExp(k.t.ticketPhone.offer));
      await k.heading(k.t.ticketPhone.heading);
      await k.typeOn(k.t.ticketPhone.keypad, '0912');
    },
    leave: async (k) => {
      await k.tap(k.t.ticketPhone.skip);
      await k.tap(k.t.ticket.done);
      await k.home();
    },
  },
  {
    name: 'appointment code keypad',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.checkIn.homeButton));
      await k.heading(k.t.checkIn.heading);
      await k.typeOn(k.t.checkIn.keypad, '1234');
    },
  },
  {
    name: 'appointment ticket',
    reach: async (k) => {
      const code = await bookSoon(k);
      await k.tap(new RegExp(k.t.checkIn.homeButton));
      await k.typeOn(k.t.checkIn.keypad, code);
      await k.tap(k.t.checkIn.submit);
      await k.page.locator('.ticket__number').waitFor();
    },
    leave: async (k) => {
      await k.tap(k.t.ticket.done);
      await k.home();
    },
  },
  {
    name: 'procedure fields',
    reach: async (k) => {
      // Nothing typed: the first page of the fields (ten with fit/more-fields.ts: the pager shows), the keyboard.
      await k.tap(new RegExp(k.t.procedures.homeButton));
      await k.page.locator('.procedures__results[aria-busy="false"] .procedures__pager').waitFor();
      await k.page.locator('.field-tile').first().waitFor();
    },
  },
  {
    name: 'procedure field chosen',
    reach: async (k) => {
      // Hộ tịch (on the fields' second page), the sample's largest field: its first page of procedures, the count
      // naming the field, "every field" beside the words.
      await k.tap(new RegExp(k.t.procedures.homeButton));
      await k.page.locator('.procedures__results[aria-busy="false"] .field-tile').first().waitFor();
      await k.tap(k.t.procedures.next);
      await k.page.locator('.field-tile', { hasText: 'Hộ tịch' }).tap();
      await k.page.locator('.procedures__results[aria-busy="false"] .procedures__pager').waitFor();
      await k.button(k.t.procedures.allFields).waitFor();
    },
  },
  {
    name: 'procedure search',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.procedures.homeButton));
      await k.typeOn(k.t.procedures.keyboard, 'khai');
      // Several pages of results: the pager shows.
      await k.page.locator('.procedures__results[aria-busy="false"] .procedures__pager').waitFor();
    },
  },
  {
    name: 'procedure',
    reach: async (k) => {
      // Its QR under the scanner; the sample's longest page (four papers, a long time limit, its service and counter),
      // its papers printed: the page with the confirmation under it.
      await k.scan('1.001193.H38');
      await k.page.locator('.procedure__qr svg, .procedure__qr img, .procedure__qr canvas').first().waitFor();
      await k.tap(new RegExp(k.t.procedures.print));
      await k.page.getByText(k.t.procedures.printed).waitFor();
      await untouched(k);
    },
  },
  {
    name: 'procedure papers not printed',
    reach: async (k) => {
      // The longest thing the print line says (the printer is out of paper), under the sample's longest name. Another
      // code than the case before: the scanner takes the same code twice within a moment as one read.
      k.agent.simulators.printer!.setState({ paper: 'out' });
      await k.scan('2.001035.000.00.00.H38');
      await k.tap(new RegExp(k.t.procedures.print));
      await k.page.getByText(k.t.procedures.printFailed.PRINTER_PAPER_OUT).waitFor();
      await untouched(k);
    },
    leave: async (k) => {
      k.agent.simulators.printer!.setState({ paper: 'ok' });
      await leaveForHome(k);
    },
  },
  {
    name: 'procedure not in catalogue',
    reach: async (k) => {
      await k.scan('1.999999.H38');
      await k.heading(k.t.procedures.missingHeading);
    },
  },
  {
    name: 'slip entry',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.collectResult));
      await k.page.getByRole('group', { name: k.t.pickup.keyboardLabel }).waitFor();
    },
  },
  {
    name: 'dossier found',
    reach: async (k) => {
      await k.scan(DEMO_DOSSIERS[1]!.code);
      await k.page.locator('.status-card--processing').waitFor();
    },
    leave: async (k) => {
      await k.tap(k.t.pickup.finish);
      await k.home();
    },
  },
  {
    name: 'payment',
    reach: async (k) => {
      // Fees part paid (fit/fees.ts): the amount still due, the part received, the VietQR and the account.
      await k.scan(FEE_DOSSIER);
      await k.heading(k.t.pay.heading);
      await k.page.locator('.payment__qr svg, .payment__qr img, .payment__qr canvas').first().waitFor();
      await k.page.locator('.payment__partly').waitFor();
    },
  },
  {
    name: 'pickup code keypad',
    reach: async (k) => {
      await k.toPickupCode();
    },
  },
  {
    name: 'door open',
    reach: async (k) => {
      await k.toPickupCode();
      await k.tap(k.t.pickup.open);
      await k.page.locator('.door-open__number').waitFor();
    },
    leave: async (k) => {
      await shutOpenDoors(k.agent);
      await k.tap(k.t.pickup.skipRating);
      await k.home();
    },
  },
  {
    name: 'rating',
    reach: async (k) => {
      await k.toPickupCode();
      await k.tap(k.t.pickup.open);
      await k.page.locator('.door-open__number').waitFor();
      await shutOpenDoors(k.agent);
      await k.button(k.t.pickup.skipRating).waitFor();
    },
    leave: async (k) => {
      await k.tap(k.t.pickup.skipRating);
      await k.home();
    },
  },
];

/**
 * The finger is off the screen: Chromium keeps a tapped button :active (pressed 2 px down) for a moment after the
 * tap, and a screen that stays where it is would be measured with that button still down.
 */
async function untouched(k: Kiosk): Promise<void> {
  await k.page.waitForFunction(() => document.querySelector('button:active') === null);
}

/** A visit booked by staff for ten minutes from the agent's now (check-in is open): its code. */
async function bookSoon(k: Kiosk): Promise<string> {
  const start = new Date(Math.ceil((Date.now() + fitClock.offset + fitClock.jump + 10 * 60_000) / 60_000) * 60_000).toISOString();
  const booked = await postJson<{ code: string }>(`${k.agent.url}/api/appointments`, { serviceId: 'tu-phap', start, phone: '0912345678' }, STAFF);
  if (booked.status !== 201) throw new Error(`booking refused: ${JSON.stringify(booked.body)}`);
  return booked.body.code;
}
