/** The agent client and event stream the running kiosk uses: same origin as the page (the agent serves the UI). */
import { AgentClient } from './agent-client';
import { AgentEvents } from './agent-events';
import { kioskToken } from './kiosk-device-token';
import { storedToken } from './staff-token';

export const agentClient = new AgentClient((input, init) => fetch(input, init));

/** The socket tells the agent who it is after connecting: a remote kiosk screen's token, a signed-in officer's. */
export const agentEvents = new AgentEvents({ credentials: () => ({ kioskToken: kioskToken(), staffToken: storedToken() ?? undefined }) });
