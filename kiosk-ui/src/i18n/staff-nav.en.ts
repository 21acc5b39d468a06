/** English names of the staff pages, for the links between them (ui/staff-nav.tsx). Spread into en.ts. */
export const enStaffNav = {
  staffNav: {
    label: 'Staff pages',
    payments: 'Fees',
    stats: 'Statistics',
    quality: 'Service quality',
    staff: 'Staff accounts',
    newTab: '(opens a new tab)',
  },
};
