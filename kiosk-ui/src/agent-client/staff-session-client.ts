/** An officer's sign-in and sign-out (POST /api/staff/session, …/end): the console and /stats use it. */
import { SessionSchema } from '../../../shared/staff-schemas';
import { AgentClient } from './agent-client';

export class StaffSessionClient extends AgentClient {
  signIn(username: string, password: string, counterId?: string) {
    return this.request(SessionSchema, '/api/staff/session', { method: 'POST', body: JSON.stringify({ username, password, ...(counterId ? { counterId } : {}) }) });
  }

}

export const staffSessionClient = new StaffSessionClient((input, init) => fetch(input, init));
