/**
 * Ship identifiers as the registries define them. Pure string checks, used by the zod schemas and
 * the desk's validation at the edge.
 */

/**
 * True when `imo` is seven digits whose last is the IMO check digit: the sum of the first six
 * weighted 7, 6, 5, 4, 3, 2, modulo 10.
 * @example imoCheckDigitValid('9179842') // true: 9·7+1·6+7·5+9·4+8·3+4·2 = 172, last digit 2
 */
export function imoCheckDigitValid(imo: string): boolean {
  if (!/^\d{7}$/.test(imo)) return false;
  const digits = [...imo].map(Number);
  const sum = digits.slice(0, 6).reduce((acc, digit, i) => acc + digit * (7 - i), 0);
  return sum % 10 === digits[6];
}

/**
 * True when `mmsi` is a Maritime Mobile Service Identity: exactly nine digits. (Its leading MID
 * digits name a flag administration, but stations and test numbers break any stricter rule.)
 * @example mmsiValid('273210440') // true
 */
export function mmsiValid(mmsi: string): boolean {
  return /^\d{9}$/.test(mmsi);
}
