/** The real IO behind the lobby display: its zone, the snapshot, live updates, and the voice. */
import { fromPromise } from 'xstate';
import type { DisplayZone } from '../../../../shared/display-schemas';
import { agentEvents } from '../../agent-client/default-client';
import { lobbyClient } from '../../agent-client/lobby-client';
import { agentUpdatesActor } from '../../agent-client/agent-updates';
import type { Announcement } from './announcement';
import { createAnnouncer } from './announcer';
import { lobbyDisplayMachine } from './lobby-display.machine';

export const announcer = createAnnouncer();

export const liveLobbyDisplayMachine = lobbyDisplayMachine.provide({
  actors: {
    loadZone: fromPromise<DisplayZone, string>(({ input }) => lobbyClient.displayZone(input)),
    // The snapshot carries each service's `state`, so the waiting list can mark the closed and full ones.
    loadSnapshot: fromPromise(() => lobbyClient.display()),
    announce: fromPromise<void, Announcement>(({ input }) => announcer.announce(input)),
    updates: agentUpdatesActor(agentEvents),
  },
});
