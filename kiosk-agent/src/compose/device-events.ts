/** Device events go out on the event stream (each to its audience, api/event-socket.ts) and into the log. */
import type { DeviceStatus } from '../../../shared/api-schemas';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../logger';
import type { Devices } from './create-devices';

export function wireDeviceEvents(devices: Devices, events: EventHub, log: Logger): void {
  const changed = (device: 'printer' | 'scanner' | 'locker') => (status: DeviceStatus) => {
    log.child({ module: device }).info({ status }, `${device} state changed`);
    events.publish('device.changed', { device, status });
  };
  devices.printer.onStatusChange(changed('printer'));
  devices.scanner?.onStatusChange(changed('scanner'));
  devices.locker?.onStatusChange(changed('locker'));
  devices.simulators.printer?.on('job', (job: { id: number }) => events.publish('printer.job', { jobId: job.id }));
  devices.scanner?.onScan((code) => events.publish('scanner.scanned', { code }));
  devices.scanner?.onRejected((rejected) => {
    log.child({ module: 'scanner' }).warn(rejected, 'unreadable scan');
    events.publish('scanner.rejected', rejected);
  });
  devices.locker?.onDoor((door) => events.publish('locker.door', door));
}
