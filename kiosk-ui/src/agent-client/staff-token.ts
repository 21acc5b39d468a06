/**
 * The staff token a person signed in with, kept for this browser session: sessionStorage, not localStorage, so
 * it goes when the browser closes and a shared counter PC does not keep it. Shared by the console and /stats.
 */
const TOKEN_KEY = 'motcua.staffToken';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function keepToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the person signs in again after a reload
  }
}
