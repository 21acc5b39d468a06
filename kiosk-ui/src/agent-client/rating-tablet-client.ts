/**
 * A counter's rating tablet (`/rate/:counterId`): its screen and the citizen's rating, sent with the tablet's counter
 * token (`X-Counter-Token`, kept from `#counter-token=…`; kiosk-device-token.ts).
 */
import { RatingResponseSchema } from '../../../shared/dossier-schemas';
import { CounterRatingScreenSchema, type CounterRatingRequest } from '../../../shared/rating-schemas';
import { AgentClient } from './agent-client';
import { counterToken } from './kiosk-device-token';

export class RatingTabletClient extends AgentClient {
  protected override authHeaders(): Record<string, string> {
    const token = counterToken();
    return { ...super.authHeaders(), ...(token ? { 'x-counter-token': token } : {}) };
  }

  screen(counterId: string) {
    return this.request(CounterRatingScreenSchema, `/api/counters/${encodeURIComponent(counterId)}/rating`);
  }

  rate(counterId: string, body: CounterRatingRequest) {
    return this.request(RatingResponseSchema, `/api/counters/${encodeURIComponent(counterId)}/rating`, { method: 'POST', body: JSON.stringify(body) });
  }
}

export const ratingTabletClient = new RatingTabletClient((input, init) => fetch(input, init));
