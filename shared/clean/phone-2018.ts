/**
 * The 2018 change of Vietnamese 11-digit mobile numbers to 10 digits (Ministry of Information and
 * Communications, Sept–Nov 2018): the old 4-digit prefix becomes a 3-digit one and the last 7 digits stay.
 * Old spreadsheets still hold thousands of `0168…` numbers that no longer ring.
 */
export const MOBILE_PREFIX_2018: Readonly<Record<string, string>> = {
  // Viettel
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
  // MobiFone
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  // VinaPhone
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  // Vietnamobile
  '0186': '056', '0188': '058',
  // Gmobile
  '0199': '059',
};

/**
 * `01xx` + 7 digits (11 digits, national form) → today's 10-digit number, or null when it is not an
 * old mobile number.
 */
export function convertMobile2018(national: string): string | null {
  if (national.length !== 11 || !/^01\d{9}$/.test(national)) return null;
  const prefix = MOBILE_PREFIX_2018[national.slice(0, 4)];
  return prefix ? prefix + national.slice(4) : null;
}
