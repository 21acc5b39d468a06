/**
 * The counter rating tablet's two routes (`/rate/:counterId`): what it shows, and the citizen's rating of the visit
 * just finished there. Only that counter's tablet (X-Counter-Token) or the kiosk itself may use them.
 */
import { z } from 'zod';
import { CounterRatingRequestSchema, CounterRatingScreenSchema } from '../../../../shared/rating-schemas';
import { RatingResponseSchema } from '../../../../shared/dossier-schemas';
import type { CounterRatingScreens } from '../../feedback/counter-rating-screen';
import type { RatingService } from '../../feedback/rating-service';
import type { RouteRegistry } from '../route-registry';

export interface RatingRouteDeps {
  ratings: RatingService;
  screens: CounterRatingScreens;
  /** Throws COUNTER_NOT_FOUND for a counter the site does not have. */
  counter: (id: string) => unknown;
}

export function registerRatingRoutes(r: RouteRegistry, deps: RatingRouteDeps): void {
  const counterId = (params: Record<string, string>): string => {
    const id = z.string().max(64).parse(params.id);
    deps.counter(id);
    return id;
  };

  r.add(
    {
      method: 'get',
      path: '/api/counters/:id/rating',
      summary: "What the counter's rating tablet shows: the officer, the ticket being served, and the visit just finished there while it may be rated",
      tag: 'ratings',
      auth: 'counter-tablet',
      responses: { 200: { description: 'The tablet screen', schema: CounterRatingScreenSchema } },
      errors: ['COUNTER_TABLET_ONLY', 'COUNTER_NOT_FOUND'],
    },
    ({ params }) => deps.screens.screen(counterId(params)),
  );

  r.add(
    {
      method: 'post',
      path: '/api/counters/:id/rating',
      summary:
        'A citizen rates the visit finished at this counter (1 = least satisfied … feedback.scale), with optional reasons from feedback.reasons; once per ticket, attributed to the officer who finished it',
      tag: 'ratings',
      auth: 'counter-tablet',
      body: CounterRatingRequestSchema,
      responses: { 201: { description: 'Rating recorded', schema: RatingResponseSchema } },
      errors: ['COUNTER_TABLET_ONLY', 'COUNTER_NOT_FOUND', 'VALIDATION_FAILED', 'RATING_NOT_ALLOWED'],
    },
    async ({ params, body, res }) => {
      const rating = await deps.ratings.rateAtCounter(counterId(params), body);
      res.status(201);
      return rating;
    },
  );
}
