/** The agent client and event stream the running kiosk uses: same origin as the page (the agent serves the UI). */
import { AgentClient } from './agent-client';
import { AgentEvents } from './agent-events';

export const agentClient = new AgentClient((input, init) => fetch(input, init));

export const agentEvents = new AgentEvents();
