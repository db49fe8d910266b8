/**
 * Typed coordinates: a latitude or longitude as people write them, in decimal degrees
 * (`42.8667`, `-130.5`, `42.8667 N`) or degrees and minutes, with or without seconds
 * (`42°52'N`, `42 52.5 N`, `130°23'30"E`). Pure: the pin entry in the annotation composer uses it,
 * and its errors say what to change.
 */

export type Axis = 'lat' | 'lon';

export type CoordinateResult = { ok: true; value: number } | { ok: false; error: string };

const NAME: Record<Axis, string> = { lat: 'latitude', lon: 'longitude' };
const LIMIT: Record<Axis, number> = { lat: 90, lon: 180 };
const HEMISPHERES: Record<Axis, string> = { lat: 'NS', lon: 'EW' };

// Degree, minute and second marks as typed or pasted: ° º ˚, ' ′ ’ ‘, " ″ ” '' (two apostrophes).
const MARKS = /[°º˚]|''|′′|[″”"]|['′’‘]/g;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const fail = (error: string): CoordinateResult => ({ ok: false, error });
const round = (deg: number) => Math.round(deg * 1e6) / 1e6;

/** Parses one latitude or longitude; the value is in decimal degrees, south and west negative. */
export function parseCoordinate(input: string, axis: Axis): CoordinateResult {
  const name = NAME[axis];
  // A typographic minus (−) reads as a minus sign.
  let text = input.trim().toUpperCase().replace(/\u2212/g, '-');
  if (!text) return fail(`Enter a ${name}.`);

  // A hemisphere letter at either end: N/S for a latitude, E/W for a longitude.
  let hemisphere: string | null = null;
  const letter = /^([NSEW])\s*|\s*([NSEW])$/.exec(text);
  if (letter) {
    hemisphere = (letter[1] ?? letter[2])!;
    text = (letter.index === 0 ? text.slice(letter[0].length) : text.slice(0, letter.index)).trim();
    if (!HEMISPHERES[axis].includes(hemisphere)) {
      const other = axis === 'lat' ? 'a longitude' : 'a latitude';
      return fail(`${hemisphere} marks ${other}; a ${name} takes ${HEMISPHERES[axis].split('').join(' or ')}.`);
    }
  }
  if (/,/.test(text)) return fail(`Write the ${name} with a decimal point, not a comma (42.87, not 42,87).`);

  const parts = text.replace(MARKS, ' ').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 3 || !parts.every((p) => NUMBER.test(p))) {
    return fail(`Could not read "${input.trim()}" as a ${name}: write decimal degrees (42.8667) or degrees and minutes (42°52'N).`);
  }
  const negative = parts[0]!.startsWith('-');
  if (parts.slice(1).some((p) => /^[+-]/.test(p))) return fail(`Only the degrees of a ${name} may carry a sign.`);
  if (negative && hemisphere) return fail(`Give either a minus sign or ${HEMISPHERES[axis].split('').join('/')}, not both.`);

  const [deg, min = 0, sec = 0] = parts.map((p) => Math.abs(Number(p)));
  if (parts.length > 1 && !Number.isInteger(deg)) return fail(`With minutes, the degrees must be a whole number (42°52.5', not 42.5°52').`);
  if (parts.length > 2 && !Number.isInteger(min)) return fail(`With seconds, the minutes must be a whole number.`);
  if (min >= 60) return fail(`Minutes must be less than 60.`);
  if (sec >= 60) return fail(`Seconds must be less than 60.`);

  const abs = deg! + min / 60 + sec / 3600;
  if (abs > LIMIT[axis]) {
    const [pos, neg] = HEMISPHERES[axis].split('');
    return fail(`A ${name} is between ${LIMIT[axis]}°${neg} and ${LIMIT[axis]}°${pos}.`);
  }
  const south = negative || hemisphere === 'S' || hemisphere === 'W';
  return { ok: true, value: round(south ? -abs : abs) };
}

/** A position from typed latitude and longitude: `[lon, lat]`, or the error of each field that is wrong. */
export function parsePosition(lat: string, lon: string): { ok: true; position: [number, number] } | { ok: false; errors: Partial<Record<Axis, string>> } {
  const la = parseCoordinate(lat, 'lat');
  const lo = parseCoordinate(lon, 'lon');
  if (la.ok && lo.ok) return { ok: true, position: [lo.value, la.value] };
  return { ok: false, errors: { ...(la.ok ? {} : { lat: la.error }), ...(lo.ok ? {} : { lon: lo.error }) } };
}
