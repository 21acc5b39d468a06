/** Vietnamese names of the staff pages, for the links between them (ui/staff-nav.tsx). Spread into vi.ts. */
export const viStaffNav = {
  staffNav: {
    label: 'Các trang cán bộ',
    payments: 'Thu phí, lệ phí',
    stats: 'Thống kê',
    quality: 'Chất lượng phục vụ',
    staff: 'Quản lý cán bộ',
    newTab: '(mở thẻ mới)',
  },
};
