/** What a listing of the machine's serial ports says (the interface the technician's tools see). */
export interface PortEntry {
  path: string;
  byId?: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
}

export interface PortList {
  ports: PortEntry[];
  source: 'udev' | 'by-id';
  note?: string;
}
