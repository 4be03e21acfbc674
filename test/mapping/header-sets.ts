/**
 * Realistic header sets for auto-mapping tests: what Vietnamese offices, event forms and CRM exports put in row 1,
 * each header with the target a person would pick. Values are generated per target so the content agrees with the
 * header (or, where `values` is given, says what the header does not).
 */
export type Expect = [header: string, target: string, valueType?: 'home' | 'personal' | 'office', values?: string[]];

export interface HeaderSet {
  name: string;
  columns: Expect[];
}

export const SAMPLE_VALUES: Record<string, string[]> = {
  fullName: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Long', 'Phạm Thu Hà'],
  phones: ['0912345678', '0987 654 321', '+84 903 123 456', '0868123456'],
  emails: ['an@gmail.com', 'binh@yahoo.com.vn', 'long@company.vn', 'ha.pham@outlook.com'],
  gender: ['Nam', 'Nữ', 'Nam', 'Nữ'],
  address: ['12 Lê Lợi, Q.1, TP.HCM', '45 Nguyễn Huệ, Hà Nội', 'Hải Châu, Đà Nẵng', '3 Trần Phú, Huế'],
  jobTitle: ['Giám đốc', 'Kế toán', 'Nhân viên', 'Trưởng phòng'],
  note: ['Gọi lại sau 17h', 'Khách quen', 'Quan tâm gói B', 'Đã gửi báo giá'],
  tags: ['VIP', 'Khách mới', 'VIP, Sự kiện', 'Lead'],
  business: ['Giáo dục', 'Bất động sản', 'Ăn uống', 'Bán lẻ'],
  categories: ['Đại lý', 'Khách lẻ', 'Đại lý', 'Ưu tiên cao'],
  passport: ['001090012345', 'B1234567', '079085001234', '123456789'],
  refId: ['KH001', 'KH002', 'KH003', 'KH004'],
  refCode: ['C-01', 'C-02', 'C-03', 'C-04'],
  refType: ['Cá nhân', 'Doanh nghiệp', 'Cá nhân', 'Doanh nghiệp'],
  userOwnerEmail: ['sale1@omicall.com', 'sale2@omicall.com', 'sale1@omicall.com', 'sale3@omicall.com'],
  avatarUrl: ['https://cdn.example.vn/a.png', 'https://cdn.example.vn/b.png', 'https://cdn.example.vn/c.png', 'https://cdn.example.vn/d.png'],
  ignore: ['1', '2', '3', '4'],
  'dynamic:ngay_sinh': ['12/04/1985', '15/03/1990', '01/07/1992', '28/02/1995'],
  'dynamic:nguon_khach': ['Facebook', 'Sự kiện', 'Facebook', 'Sự kiện'],
  'funnel:f1': ['Mới', 'Đang chăm sóc', 'Mới > Chưa gọi', 'Mới'],
};

const COMPANY = ['Công ty ABC', 'Cty TNHH Minh Phát', 'Tập đoàn XYZ', 'Cửa hàng Hoa Mai'];
const DATES = ['01/03/2024 09:15', '01/03/2024 10:20', '02/03/2024 08:00', '02/03/2024 14:45'];

export const HEADER_SETS: HeaderSet[] = [
  { name: 'Vietnamese office list', columns: [['STT', 'ignore'], ['Họ và tên', 'fullName'], ['SĐT', 'phones', 'personal'], ['Email', 'emails'], ['Giới tính', 'gender'], ['Địa chỉ', 'address'], ['Chức vụ', 'jobTitle'], ['Ghi chú', 'note']] },
  { name: 'Vietnamese without accents', columns: [['STT', 'ignore'], ['Ho va ten', 'fullName'], ['So dien thoai', 'phones'], ['Email', 'emails'], ['Gioi tinh', 'gender'], ['Dia chi', 'address'], ['Chuc vu', 'jobTitle'], ['Ghi chu', 'note']] },
  { name: 'English', columns: [['No.', 'ignore'], ['Full Name', 'fullName'], ['Phone Number', 'phones'], ['Email Address', 'emails'], ['Gender', 'gender'], ['Address', 'address'], ['Job Title', 'jobTitle'], ['Notes', 'note']] },
  { name: 'Vietnamese in capitals', columns: [['HỌ TÊN', 'fullName'], ['SỐ ĐIỆN THOẠI', 'phones'], ['E-MAIL', 'emails'], ['GIỚI TÍNH', 'gender'], ['ĐỊA CHỈ', 'address']] },
  { name: 'abbreviations', columns: [['TT', 'ignore'], ['Tên KH', 'fullName'], ['ĐT', 'phones', 'personal'], ['DĐ', 'phones', 'personal', ['0987111222', '0987111333', '0987111444', '0987111555']], ['Mail', 'emails'], ['ĐC', 'address']] },
  { name: 'customer codes and ids', columns: [['Mã KH', 'refId'], ['Tên khách hàng', 'fullName'], ['SĐT', 'phones'], ['CMND/CCCD', 'passport'], ['Nhân viên phụ trách', 'userOwnerEmail']] },
  { name: 'weekly event leads (form export)', columns: [['Timestamp', 'ignore', undefined, DATES], ['Họ tên', 'fullName'], ['Phone', 'phones'], ['Email', 'emails'], ['Công ty', 'ignore', undefined, COMPANY], ['Chức danh', 'jobTitle'], ['Nguồn khách hàng', 'dynamic:nguon_khach'], ['Trạng thái', 'funnel:f1']] },
  { name: 'phone kinds', columns: [['Họ tên', 'fullName'], ['SĐT công ty', 'phones', 'office'], ['SĐT nhà', 'phones', 'home', ['02438261234', '02838234567', '02363821234', '02343821234']], ['SĐT cá nhân', 'phones', 'personal', ['0909000111', '0909000222', '0909000333', '0909000444']]] },
  { name: 'email kinds', columns: [['Tên', 'fullName'], ['Email công ty', 'emails', 'office'], ['Email cá nhân', 'emails', 'personal', ['x1@gmail.com', 'x2@gmail.com', 'x3@gmail.com', 'x4@gmail.com']]] },
  { name: 'tags, groups, industries (Vietnamese)', columns: [['Họ tên', 'fullName'], ['Thẻ', 'tags'], ['Nhóm', 'categories'], ['Ngành', 'business']] },
  { name: 'tags, groups, industries (English)', columns: [['Name', 'fullName'], ['Tags', 'tags'], ['Group', 'categories'], ['Industry', 'business']] },
  { name: 'two ID columns: the second yields', columns: [['Họ tên', 'fullName'], ['Hộ chiếu', 'passport'], ['Số CCCD', 'ignore', undefined, SAMPLE_VALUES.passport]] },
  { name: 'company name beside the contact person', columns: [['Tên công ty', 'ignore', undefined, COMPANY], ['Người liên hệ', 'fullName'], ['Điện thoại', 'phones']] },
  { name: 'family and given names split', columns: [['Họ', 'ignore', undefined, ['Nguyễn', 'Trần', 'Lê', 'Phạm']], ['Tên', 'fullName', undefined, ['An', 'Bình', 'Long', 'Hà']], ['SĐT', 'phones']] },
  { name: 'odd spacing and case', columns: [['  sđt  ', 'phones'], ['e - mail', 'emails'], ['HO  VA  TEN', 'fullName'], ['giới   tính', 'gender']] },
  { name: 'unaccented abbreviations', columns: [['SDT', 'phones'], ['Ten KH', 'fullName'], ['Dia chi', 'address'], ['Gioi tinh', 'gender'], ['Nghe nghiep', 'jobTitle']] },
  { name: 'blank header over emails', columns: [['Họ tên', 'fullName'], ['', 'emails'], ['SĐT', 'phones']] },
  { name: 'vague header over phones', columns: [['Họ tên', 'fullName'], ['Liên hệ', 'phones', undefined, SAMPLE_VALUES.phones]] },
  { name: 'vague header over emails', columns: [['Khách', 'fullName'], ['Thông tin', 'emails', undefined, SAMPLE_VALUES.emails]] },
  { name: 'owner by abbreviation', columns: [['Họ tên', 'fullName'], ['Email', 'emails'], ['NV phụ trách', 'userOwnerEmail']] },
  { name: 'owner as "Sale"', columns: [['Khách hàng', 'fullName'], ['Sale', 'userOwnerEmail'], ['Mobile', 'phones']] },
  { name: 'English CRM export', columns: [['ID', 'refId'], ['Name', 'fullName'], ['Mobile', 'phones', 'personal'], ['Work Phone', 'phones', 'office', ['02438261234', '02838234567', '02363821234', '02343821234']], ['Email', 'emails'], ['Owner', 'userOwnerEmail'], ['Tags', 'tags'], ['Created At', 'ignore', undefined, DATES]] },
  { name: 'shop orders (mixed languages)', columns: [['Customer Name', 'fullName'], ['SĐT/Zalo', 'phones'], ['Email KH', 'emails'], ['Địa chỉ giao hàng', 'address'], ['Ghi chú đơn hàng', 'note']] },
  { name: 'custom fields by name and code', columns: [['Họ tên', 'fullName'], ['Nghề nghiệp', 'jobTitle'], ['Ngày sinh', 'dynamic:ngay_sinh'], ['Nguồn khách', 'dynamic:nguon_khach']] },
  { name: 'header with a hint in brackets', columns: [['Họ tên (bắt buộc)', 'fullName'], ['Giới tính (Nam/Nữ)', 'gender'], ['SĐT (10 số)', 'phones']] },
  { name: 'numbered phone columns', columns: [['Họ tên', 'fullName'], ['Số điện thoại 1', 'phones'], ['Số điện thoại 2', 'phones', undefined, ['0909000111', '0909000222', '0909000333', '0909000444']]] },
  { name: 'numbered email columns', columns: [['Họ tên', 'fullName'], ['E-mail 1', 'emails'], ['E-mail 2', 'emails', undefined, ['x1@gmail.com', 'x2@gmail.com', 'x3@gmail.com', 'x4@gmail.com']]] },
  { name: 'reference fields', columns: [['Mã khách hàng', 'refId'], ['Loại khách hàng', 'refType'], ['Mã tham chiếu', 'refCode'], ['Tên', 'fullName']] },
  { name: 'avatar and an unknown link', columns: [['Họ tên', 'fullName'], ['Ảnh đại diện', 'avatarUrl'], ['Link Facebook', 'ignore', undefined, ['fb.com/an', 'fb.com/binh', 'fb.com/long', 'fb.com/ha']]] },
  { name: 'English with an unmapped company', columns: [['Full name', 'fullName'], ['Phone', 'phones'], ['Sex', 'gender'], ['Position', 'jobTitle'], ['Company', 'ignore', undefined, COMPANY]] },
  { name: 'funnel by "Tình trạng"', columns: [['Họ tên', 'fullName'], ['SĐT', 'phones'], ['Tình trạng', 'funnel:f1']] },
  { name: 'funnel by its own name', columns: [['Họ tên', 'fullName'], ['Email', 'emails'], ['Phễu bán hàng', 'funnel:f1']] },
  { name: 'unaccented ID columns', columns: [['Ho ten', 'fullName'], ['CMND', 'passport'], ['Ho chieu', 'ignore', undefined, SAMPLE_VALUES.passport]] },
  { name: 'landline words', columns: [['Tên', 'fullName'], ['Tel', 'phones'], ['Điện thoại bàn', 'phones', 'home', ['02438261234', '02838234567', '02363821234', '02343821234']]] },
  { name: 'student list', columns: [['STT', 'ignore'], ['Tên học viên', 'fullName'], ['SĐT phụ huynh', 'phones'], ['Email', 'emails'], ['Lớp', 'ignore', undefined, ['A1', 'A2', 'B1', 'B2']]] },
];
