/**
 * A touchscreen on another machine than the agent proves it is the kiosk with its device token (config
 * `server.kioskDevices`). The technician starts its browser once at `http://<agent>/#kiosk-token=<token>`: a URL
 * fragment never reaches the server, so the token is in no access log; it is kept in this browser's localStorage
 * (the screen is a dedicated kiosk machine) and the fragment is removed from the address at once.
 */
const KEY = 'motcua.kioskToken';
const FRAGMENT = /(?:^#|&)kiosk-token=([^&]{16,512})/;

interface Place {
  hash: string;
  pathname: string;
  search: string;
}

/** Reads `#kiosk-token=…` into storage and strips it from the address; a no-op on the kiosk's own machine. */
export function captureKioskToken(place: Place = location, storage: Pick<Storage, 'setItem'> = localStorage, replace = (url: string) => history.replaceState(null, '', url)): void {
  const m = FRAGMENT.exec(place.hash);
  if (!m) return;
  try {
    storage.setItem(KEY, decodeURIComponent(m[1]!));
  } catch {
    // storage disabled: the screen stays public until it can keep the token
  }
  replace(`${place.pathname}${place.search}`);
}

export function kioskToken(storage: Pick<Storage, 'getItem'> | undefined = typeof localStorage === 'undefined' ? undefined : localStorage): string | undefined {
  try {
    return storage?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
