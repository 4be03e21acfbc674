import type { CoreField, ListField } from './types';

/**
 * Header wordings people use for each contact field, folded (lowercase, no accents, đ → d, punctuation as
 * spaces). Matched as whole words: a longer, more specific phrase beats a shorter one.
 */
export const HEADER_SYNONYMS: Record<CoreField | ListField, string[]> = {
  fullName: [
    'ho ten', 'ho va ten', 'ho ten kh', 'ho ten khach hang', 'ho va ten khach hang', 'ten', 'ten kh', 'ten khach hang',
    'ten khach', 'khach hang', 'ten lien he', 'nguoi lien he', 'ten day du', 'ten nguoi lien he', 'ten hoc vien',
    'hoc vien', 'ten hoc sinh', 'ten benh nhan', 'full name', 'fullname', 'name', 'customer name', 'customer',
    'contact name', 'contact', 'client name', 'client', 'lead name', 'ho ten nguoi lien he', 'ten nguoi dung',
    'ten kh hang', 'hten', 'ht', 'your name', 'participant', 'attendee', 'attendee name',
  ],
  phones: [
    'sdt', 'so dt', 'so dien thoai', 'dien thoai', 'dt', 'dd', 'di dong', 'dtdd', 'so di dong', 'dt di dong',
    'phone', 'phone number', 'phone no', 'mobile', 'mobile phone', 'mobile number', 'tel', 'telephone', 'cell',
    'cell phone', 'hotline', 'zalo', 'so zalo', 'sdt zalo', 'dien thoai lien he', 'sdt lien he', 'so lien lac', 'lien lac',
    'whatsapp', 'contact number', 'phone 1', 'phone 2', 'sdt 1', 'sdt 2', 'sdt1', 'sdt2', 'so may', 'may ban',
    'dien thoai ban', 'dien thoai co dinh', 'so co dinh', 'fax', 'landline', 'work phone', 'home phone',
  ],
  emails: [
    'email', 'e mail', 'mail', 'gmail', 'thu dien tu', 'dia chi email', 'dia chi mail', 'email address',
    'email lien he', 'email kh', 'email khach hang', 'emails', 'e mail address', 'work email', 'personal email',
    'email ca nhan', 'email cong ty', 'hom thu',
  ],
  address: [
    'dia chi', 'dc', 'd c', 'address', 'addr', 'dia chi lien he', 'dia chi lien lac', 'noi o', 'cho o', 'dia chi nha',
    'dia chi thuong tru', 'thuong tru', 'dia chi cong ty', 'street address', 'full address', 'dia chi kh',
    'dia chi giao hang', 'shipping address', 'home address', 'noi song',
  ],
  gender: ['gioi tinh', 'gender', 'sex', 'gt', 'phai', 'nam nu', 'gioi', 'nam hay nu'],
  jobTitle: [
    'chuc vu', 'nghe nghiep', 'chuc danh', 'vi tri', 'vi tri cong viec', 'cong viec', 'nghe', 'job title', 'job',
    'title', 'position', 'occupation', 'role', 'designation', 'chuc vu cong viec',
  ],
  note: [
    'ghi chu', 'note', 'notes', 'comment', 'comments', 'mo ta', 'description', 'nhan xet', 'remark', 'remarks',
    'luu y', 'chu thich', 'thong tin them', 'thong tin khac', 'noi dung', 'y kien', 'feedback', 'message',
  ],
  tags: ['the', 'tag', 'tags', 'nhan', 'label', 'labels', 'the kh', 'hashtag', 'the tag'],
  business: ['nganh', 'nganh nghe', 'linh vuc', 'nganh hang', 'industry', 'business', 'sector', 'linh vuc kinh doanh', 'nganh kinh doanh'],
  categories: ['nhom', 'nhom kh', 'nhom khach hang', 'nhom khach', 'phan loai', 'phan nhom', 'group', 'groups', 'category', 'categories', 'segment', 'phan khuc'],
  passport: [
    'cmnd', 'cccd', 'cmnd cccd', 'cccd cmnd', 'so cmnd', 'so cccd', 'so cmnd cccd', 'ho chieu', 'so ho chieu',
    'passport', 'passport no', 'id card', 'can cuoc', 'can cuoc cong dan', 'chung minh nhan dan', 'so giay to',
    'giay to tuy than', 'national id', 'id number', 'cmt', 'so cmt', 'cmnd ho chieu',
  ],
  refId: [
    'ma kh', 'ma khach hang', 'ma khach', 'id', 'customer id', 'ref id', 'refid', 'ma lien he', 'external id',
    'contact id', 'id khach hang', 'id kh', 'client id', 'lead id', 'ma hoc vien', 'mkh', 'makh',
  ],
  refCode: ['ref code', 'refcode', 'ma tham chieu', 'customer code', 'ma so', 'ma so kh', 'code', 'reference code'],
  refType: ['ref type', 'reftype', 'loai kh', 'loai khach hang', 'loai khach', 'customer type', 'contact type', 'type', 'loai'],
  userOwnerEmail: [
    'nhan vien phu trach', 'nv phu trach', 'nguoi phu trach', 'phu trach', 'nvpt', 'nhan vien', 'nv', 'sale',
    'sales', 'nv sale', 'nhan vien sale', 'nhan vien kinh doanh', 'nvkd', 'owner', 'owner email', 'account owner',
    'assigned to', 'assignee', 'email nhan vien', 'email nv', 'email sale', 'email phu trach', 'email nguoi phu trach',
    'nguoi quan ly', 'sales rep', 'salesperson', 'cham soc boi', 'nguoi cham soc', 'user owner email',
  ],
  avatarUrl: ['avatar', 'anh dai dien', 'avatar url', 'hinh dai dien', 'anh', 'hinh anh', 'photo', 'image', 'picture', 'link anh', 'url anh', 'profile picture'],
};

/** Headers that mean "no field for this": numbering, dates the API has no place for, company names. */
export const IGNORE_HEADERS = [
  'stt', 'tt', 'no', 'so thu tu', 'index', '#', 'ngay tao', 'ngay nhap', 'created', 'created at', 'created date',
  'thoi gian', 'timestamp', 'dau thoi gian', 'cong ty', 'ten cong ty', 'company', 'company name', 'don vi', 'to chuc',
  'organization', 'organisation', 'stt kh', 'n o', 'nr', 'so tt',
];

/** Words in a phone or email header that say which kind of number or address it is. */
export const VALUE_TYPE_WORDS: { type: 'home' | 'personal' | 'office'; words: string[] }[] = [
  { type: 'office', words: ['cong ty', 'cty', 'co quan', 'van phong', 'office', 'work', 'company', 'business', 'cq', 'vp'] },
  { type: 'home', words: ['nha', 'nha rieng', 'home', 'gia dinh', 'may ban', 'co dinh', 'ban'] },
  { type: 'personal', words: ['ca nhan', 'di dong', 'personal', 'mobile', 'rieng', 'dd', 'cell'] },
];

/** Headers that point at a funnel when the account has one ("status", "trạng thái"). */
export const FUNNEL_HEADERS = ['trang thai', 'status', 'tinh trang', 'giai doan', 'stage', 'pipeline', 'trang thai kh', 'buoc', 'phieu'];
