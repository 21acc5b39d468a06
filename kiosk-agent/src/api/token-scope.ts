/**
 * The area of the staff API a route belongs to, for integration tokens with `scopes` (config
 * security-config-schema.ts TOKEN_SCOPES): decided from the path, so a new route falls in its area by itself.
 * Officers signed in are not limited by it (their role is).
 */
const AREAS: [RegExp, string][] = [
  [/^\/api\/counters(\/|$)/, 'counters'],
  [/^\/api\/dossiers(\/|$)/, 'dossiers'],
  // A dossier's fees are dossier work: cash at /api/dossiers/:code/payment is, and so are the transfers staff place
  // on a dossier (the bank's webhook is not a staff route: its signature is its authentication).
  [/^\/api\/payments\/unmatched(\/|$)/, 'dossiers'],
  [/^\/api\/(lockers|pickup)(\/|$)/, 'lockers'],
  [/^\/api\/appointments(\/|$)/, 'appointments'],
  [/^\/api\/stats/, 'stats'],
  [/^\/api\/procedures(\/|$)/, 'procedures'],
];

/** The route's area, or undefined for routes outside every area (any staff token may use them). */
export function tokenScopeOf(path: string): string | undefined {
  return AREAS.find(([re]) => re.test(path))?.[1];
}
