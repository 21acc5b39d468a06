/** The agent client the running kiosk uses: same origin as the page (the agent serves the UI). */
import { AgentClient } from './agent-client';

export const agentClient = new AgentClient((input, init) => fetch(input, init));
