/**
 * Migration 13 rebuilds `tickets` and `ticket_events` in SQLite (a CHECK cannot change in place): the rows, the
 * references between them and the foreign-key setting survive, and the new statuses and actions are accepted.
 */
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { MIGRATIONS } from '../../../kiosk-agent/src/store/migrations/index';
import { migrate } from '../../../kiosk-agent/src/store/sqlite';

test('tickets and their events keep their rows and links through the rebuild; parked and park are then allowed', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version < 13));
  db.prepare(
    `INSERT INTO tickets (id, day, service_id, seq, number, status, issued_at_ms, queue_service_id, queue_key_ms, phone)
     VALUES ('t1', '2026-12-02', 'tu-phap', 1, 'A001', 'called', 1000, 'tu-phap', 1000, '0912345678')`,
  ).run();
  db.prepare(`INSERT INTO ticket_events (ticket_id, day, at_ms, action, counter_id) VALUES ('t1', '2026-12-02', 2000, 'call', '1')`).run();

  expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 13))).toEqual([13]);

  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.prepare('SELECT id, number, status, phone, queue_key_ms AS k, parked_at_ms AS p FROM tickets').all()).toEqual([
    { id: 't1', number: 'A001', status: 'called', phone: '0912345678', k: 1000, p: null },
  ]);
  expect(db.prepare('SELECT ticket_id AS t, action FROM ticket_events').all()).toEqual([{ t: 't1', action: 'call' }]);
  expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  // The references still point at the rebuilt table: an event for no ticket is refused.
  expect(() => db.prepare(`INSERT INTO ticket_events (ticket_id, day, at_ms, action) VALUES ('nobody', '2026-12-02', 3, 'call')`).run()).toThrow(/FOREIGN KEY/);
  db.prepare(`UPDATE tickets SET status = 'parked', parked_at_ms = 3000 WHERE id = 't1'`).run();
  db.prepare(`INSERT INTO ticket_events (ticket_id, day, at_ms, action, counter_id) VALUES ('t1', '2026-12-02', 3000, 'park', '1')`).run();
  expect(() => db.prepare(`UPDATE tickets SET status = 'gone' WHERE id = 't1'`).run()).toThrow(/CHECK/);
  // The indexes came back with the table.
  const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tickets', 'ticket_events') AND sql IS NOT NULL ORDER BY name`).pluck().all();
  expect(indexes).toEqual(['ticket_events_day', 'tickets_at_counter', 'tickets_done', 'tickets_parked', 'tickets_queue', 'tickets_target', 'tickets_waiting']);
});
