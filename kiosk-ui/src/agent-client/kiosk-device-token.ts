/**
 * A touchscreen on another machine than the agent proves what it is with a token from the site config: a remote
 * kiosk screen its device token (`server.kioskDevices`), a counter's rating tablet its counter token
 * (`server.counterTablets`). The technician starts its browser once at `http://<agent>/#kiosk-token=<token>` (or
 * `/rate/3#counter-token=<token>`): a URL fragment never reaches the server, so the token is in no access log; it is
 * kept in this browser's localStorage (the screen is a dedicated machine) and the fragment is removed at once.
 */
interface Place {
  hash: string;
  pathname: string;
  search: string;
}

type Replace = (url: string) => void;
const replaceAddress: Replace = (url) => history.replaceState(null, '', url);
const browserStorage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** One kind of device token: the fragment's name and the storage key it is kept under. */
function deviceToken(fragmentName: string, key: string) {
  const fragment = new RegExp(`(?:^#|&)${fragmentName}=([^&]{16,512})`);
  return {
    /** Reads `#<name>=…` into storage and strips it from the address; a no-op when the fragment is absent. */
    capture(place: Place = location, storage: Pick<Storage, 'setItem'> = localStorage, replace: Replace = replaceAddress): void {
      const m = fragment.exec(place.hash);
      if (!m) return;
      try {
        storage.setItem(key, decodeURIComponent(m[1]!));
      } catch {
        // storage disabled: the screen stays public until it can keep the token
      }
      replace(`${place.pathname}${place.search}`);
    },
    read(storage: Pick<Storage, 'getItem'> | undefined = browserStorage()): string | undefined {
      try {
        return storage?.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
  };
}

const kiosk = deviceToken('kiosk-token', 'motcua.kioskToken');
const counterTablet = deviceToken('counter-token', 'motcua.counterToken');

export const captureKioskToken = kiosk.capture;
export const kioskToken = kiosk.read;
export const captureCounterToken = counterTablet.capture;
export const counterToken = counterTablet.read;
