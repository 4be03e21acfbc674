/**
 * VNI-Windows (the "VNI-Times" fonts), as it reaches a spreadsheet read through Windows-1252: each accented
 * letter is an ASCII base letter followed by one accent byte (`Nguyeãn Vaên Nam` = "Nguyễn Văn Nam"), except a few
 * letters that have a byte of their own (ơ ư đ and the i/ỵ forms). Lower-case forms; upper case is derived in
 * vni.ts (base and accent both upper-cased, e.g. `AÙ` = "Á"). Tested in vni.test.ts.
 */

/** Base letter + accent character → Unicode letter (lower case). */
export const VNI_PAIRS: Readonly<Record<string, string>> = {
  'aù': 'á', 'aø': 'à', 'aû': 'ả', 'aõ': 'ã', 'aï': 'ạ',
  'aê': 'ă', 'aé': 'ắ', 'aè': 'ằ', 'aú': 'ẳ', 'aü': 'ẵ', 'aë': 'ặ',
  'aâ': 'â', 'aá': 'ấ', 'aà': 'ầ', 'aå': 'ẩ', 'aã': 'ẫ', 'aä': 'ậ',
  'eù': 'é', 'eø': 'è', 'eû': 'ẻ', 'eõ': 'ẽ', 'eï': 'ẹ',
  'eâ': 'ê', 'eá': 'ế', 'eà': 'ề', 'eå': 'ể', 'eã': 'ễ', 'eä': 'ệ',
  'où': 'ó', 'oø': 'ò', 'oû': 'ỏ', 'oõ': 'õ', 'oï': 'ọ',
  'oâ': 'ô', 'oá': 'ố', 'oà': 'ồ', 'oå': 'ổ', 'oã': 'ỗ', 'oä': 'ộ',
  'ôù': 'ớ', 'ôø': 'ờ', 'ôû': 'ở', 'ôõ': 'ỡ', 'ôï': 'ợ',
  'uù': 'ú', 'uø': 'ù', 'uû': 'ủ', 'uõ': 'ũ', 'uï': 'ụ',
  'öù': 'ứ', 'öø': 'ừ', 'öû': 'ử', 'öõ': 'ữ', 'öï': 'ự',
  'yù': 'ý', 'yø': 'ỳ', 'yû': 'ỷ', 'yõ': 'ỹ',
};

/** Characters that stand alone for one letter (lower case). `í` and `ì` are the same in VNI and Unicode. */
export const VNI_SINGLES: Readonly<Record<string, string>> = {
  'ô': 'ơ', 'ö': 'ư', 'ñ': 'đ', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
};
