/**
 * The 2017 change of Vietnamese landline area codes (Decision 2036/QĐ-BTTTT, done by Aug 2017):
 * every old code moved under 02x (Hà Nội 04 → 024, TP.HCM 08 → 028 …).
 * Several old codes (03x, 05x, 07x, 08x) are today's *mobile* prefixes, so an old landline number can
 * look like a mobile one: this conversion is only applied when the column says it holds landlines.
 */
export const LANDLINE_CODE_2017: Readonly<Record<string, string>> = {
  '04': '024', '08': '028',
  '022': '0212', '0231': '0213', '020': '0214', '0230': '0215', '029': '0216',
  '033': '0203', '0240': '0204', '025': '0205', '026': '0206', '027': '0207', '0280': '0208', '0281': '0209',
  '0320': '0220', '0321': '0221', '0241': '0222', '031': '0225', '0351': '0226', '036': '0227', '0350': '0228',
  '030': '0229',
  '052': '0232', '053': '0233', '054': '0234', '0510': '0235', '0511': '0236', '037': '0237', '038': '0238',
  '039': '0239',
  '061': '0251', '062': '0252', '064': '0254', '055': '0255', '056': '0256', '057': '0257', '058': '0258',
  '068': '0259', '060': '0260', '0501': '0261', '0500': '0262', '063': '0263', '059': '0269',
  '070': '0270', '0651': '0271', '072': '0272', '073': '0273', '0650': '0274', '075': '0275', '066': '0276',
  '067': '0277',
  '0780': '0290', '0781': '0291', '0710': '0292', '0711': '0293', '074': '0294', '076': '0296', '077': '0297',
  '079': '0299',
};

// Longest codes first so 0511 wins over 051x-less matches.
const CODES = Object.keys(LANDLINE_CODE_2017).sort((a, b) => b.length - a.length);

/**
 * An old landline number in national form (10 or 11 digits, old area code) → its 11-digit form since 2017,
 * or null when no old code fits. New numbers are always 11 digits (`02` + area + subscriber).
 */
export function convertLandline2017(national: string): { number: string; from: string; to: string } | null {
  if (!/^0[1-9]\d{8,9}$/.test(national)) return null;
  for (const code of CODES) {
    if (!national.startsWith(code)) continue;
    const to = LANDLINE_CODE_2017[code];
    const converted = to + national.slice(code.length);
    if (converted.length === 11) return { number: converted, from: code, to };
  }
  return null;
}
