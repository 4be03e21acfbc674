import type { Funnel, LayoutAttribute } from '../../shared/omi/types';

/** The sandbox's built-in account (electron/sandbox/defaults.ts), as the OMI client parses it. */
export const SANDBOX_LAYOUT: LayoutAttribute[] = [
  { fieldCode: 'ngay_sinh', name: 'Ngày sinh', fieldType: 'date', options: [], raw: null },
  {
    fieldCode: 'nguon_khach', name: 'Nguồn khách hàng', fieldType: 'select', raw: null,
    options: [{ value: 'facebook', label: 'Facebook' }, { value: 'su_kien', label: 'Sự kiện' }],
  },
];

export const SANDBOX_FUNNELS: Funnel[] = [
  {
    id: 'f1', name: 'Phễu bán hàng', raw: null,
    statuses: [
      { index: 1, name: 'Mới', children: [{ index: 1, name: 'Chưa gọi' }] },
      { index: 2, name: 'Đang chăm sóc', children: [] },
    ],
  },
];
