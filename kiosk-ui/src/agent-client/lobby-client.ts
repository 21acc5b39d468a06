/** The lobby display's one request: its whole picture (recent calls, people waiting), on start and after a reconnect. */
import { DisplaySnapshotSchema } from '../../../shared/counter-schemas';
import { AgentClient } from './agent-client';

export class LobbyClient extends AgentClient {
  display() {
    return this.request(DisplaySnapshotSchema, '/api/display');
  }
}

export const lobbyClient = new LobbyClient((input, init) => fetch(input, init));
