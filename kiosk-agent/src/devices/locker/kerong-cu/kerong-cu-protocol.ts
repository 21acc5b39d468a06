/** KR-CU16-style boards (`driver: "kerong-cu"`): 5-byte requests, 9-byte status replies, additive checksum. */
import type { LockBoardProtocol } from '../lock-board-protocol';
import { REPLY_STATUS, STATUS_REPLY_LENGTH, decodeStatusReply, encodeReadStatus, encodeUnlock } from './frame';
import { FixedFrameParser } from './frame-parser';

export const kerongCuProtocol: LockBoardProtocol = {
  name: 'kerong-cu',
  createReplyParser: () => new FixedFrameParser(STATUS_REPLY_LENGTH, (f) => f[2] === REPLY_STATUS),
  encodeRead: encodeReadStatus,
  encodeUnlock,
  decodeReply: decodeStatusReply,
};
