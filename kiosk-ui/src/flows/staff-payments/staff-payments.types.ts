/** The context and events of the /payments page's machine (staff-payments.machine.ts), apart so it stays readable. */
import type { DossierFees } from '../../../../shared/payment-schemas';
import type { OfficerView } from '../../../../shared/staff-schemas';
import type { AgentErrorCode } from '../../agent-client/agent-client';
import type { SignInRefusal } from '../../agent-client/sign-in-refusal';

export interface UnmatchedTransfer {
  id: number;
  reference: string;
  amount: number;
  transactionId: string;
  paidAt: string;
}

/** What the last recorded cash was, for the line under the new state: how much, and who recorded it. */
export interface CashRecorded {
  amount: number;
  by: string;
}

export interface TransferNotice {
  kind: 'assigned' | 'alreadyAssigned';
  dossierCode: string;
  amount: number;
  due: number | null;
}

export interface StaffPaymentsContext {
  token: string | null;
  officer: OfficerView | null;
  /** The sign-in gate's reason (a refusal, or UNAUTHORIZED: the session ended). */
  errorCode: AgentErrorCode | null;
  refusal: SignInRefusal | null;
  /** The code typed for the cash lookup. */
  code: string;
  dossier: DossierFees | null;
  /** The amount waiting for the officer's confirmation. */
  amount: number | null;
  cashError: AgentErrorCode | null;
  /** The amount typed is no amount (empty, letters, zero, a billion or more). */
  amountInvalid: boolean;
  recorded: CashRecorded | null;
  transfers: UnmatchedTransfer[] | null;
  selected: UnmatchedTransfer | null;
  transferError: AgentErrorCode | null;
  transferNotice: TransferNotice | null;
  reportProblem: 'order' | 'tooLong' | null;
  reportError: AgentErrorCode | null;
  reportSaved: boolean;
}

export type StaffPaymentsEvent =
  | { type: 'credentials.submitted'; username: string; password: string }
  | { type: 'signOut' }
  | { type: 'retry' }
  | { type: 'cash.lookup'; code: string }
  | { type: 'cash.submit'; amount: string }
  | { type: 'cash.confirm' }
  | { type: 'cash.back' }
  | { type: 'cash.clear' }
  | { type: 'transfers.refresh' }
  | { type: 'transfer.pick'; id: number }
  | { type: 'transfer.assign'; dossierCode: string }
  | { type: 'transfer.cancel' }
  | { type: 'report.save'; from: string; to: string };

/** Where the cash region and the transfers region are, for the views (each a child of the parallel `ready`). */
export type CashStep = 'entering' | 'looking' | 'shown' | 'confirming' | 'recording' | 'recorded';
export type TransfersStep = 'loading' | 'listed' | 'choosing' | 'assigning';
