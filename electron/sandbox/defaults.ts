/**
 * The built-in account a sandbox starts with when no --seed is given: the layout and funnel shapes shown in
 * ../shared/omi-api-v2.md, so a new user can map a birthday, a lead source and a funnel status right away.
 */

/** Layout-list payload of the built-in account. */
export const DEFAULT_LAYOUT: unknown[] = [
  { field_code: 'ngay_sinh', field_name: 'Ngày sinh', field_type: 'date' },
  {
    field_code: 'nguon_khach',
    field_name: 'Nguồn khách hàng',
    field_type: 'select',
    options: [
      { value: 'facebook', label: 'Facebook' },
      { value: 'su_kien', label: 'Sự kiện' },
    ],
  },
];

/** Funnel-list payload of the built-in account. */
export const DEFAULT_FUNNELS: unknown[] = [
  {
    id: 'f1',
    name: 'Phễu bán hàng',
    statuses: [
      { index: 1, name: 'Mới', children: [{ index: 1, name: 'Chưa gọi' }] },
      { index: 2, name: 'Đang chăm sóc', children: [] },
    ],
  },
];
