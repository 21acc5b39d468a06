/** The lobby display's requests: its whole picture (recent calls, people waiting), on start and after a reconnect; its zone. */
import { DisplaySnapshotSchema } from '../../../shared/counter-schemas';
import { DisplayZoneSchema } from '../../../shared/display-schemas';
import { AgentClient } from './agent-client';

export class LobbyClient extends AgentClient {
  display() {
    return this.request(DisplaySnapshotSchema, '/api/display');
  }

  /** The counters and services of display `id` (`/display/<id>`); DISPLAY_NOT_FOUND when the site config has none. */
  displayZone(id: string) {
    return this.request(DisplayZoneSchema, `/api/displays/${encodeURIComponent(id)}`);
  }
}

export const lobbyClient = new LobbyClient((input, init) => fetch(input, init));
