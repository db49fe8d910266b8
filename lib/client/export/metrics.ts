/**
 * Text widths measured from DejaVu Sans, the export's first font: the advance of every printable
 * ASCII character (and a few typographic ones) in thousandths of an em, read from the font files'
 * hmtx tables. Wrapping by these keeps a line inside the image where an average character width
 * lets a line of digits and wide letters (a permalink) run off it. Pure.
 */

// prettier-ignore
const REGULAR = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838];
// prettier-ignore
const BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838];
const EXTRA: Record<string, [number, number]> = {
  '–': [500, 500],
  '—': [1000, 1000],
  '©': [1000, 1000],
  '×': [838, 838],
  '·': [318, 380],
  '→': [838, 838],
  '’': [318, 380],
  '‘': [318, 380],
  '“': [518, 657],
  '”': [518, 657],
  '…': [1000, 1000],
};

/** One character's advance in ems; an unknown one counts as wide (1 em for CJK, 0.8 otherwise). */
function advance(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  const table = bold ? BOLD : REGULAR;
  if (code >= 32 && code < 127) return (table[code - 32] ?? 700) / 1000;
  const extra = EXTRA[ch];
  if (extra) return extra[bold ? 1 : 0] / 1000;
  return code >= 0x2e80 ? 1 : 0.8;
}

/** The width of `text` in pixels at `size`, as DejaVu Sans (bold when asked) sets it. */
export function measureText(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advance(ch, bold);
  return em * size;
}

/** Cuts a word longer than the width into pieces that each fit. */
function breakWord(word: string, maxWidth: number, size: number, bold: boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measureText(piece + ch, size, bold) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy packing of tokens joined by `sep` into lines no wider than maxWidth. */
function pack(tokens: readonly string[], sep: string, maxWidth: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line ? line + sep + token : token;
    if (measureText(candidate, size, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = breakWord(token, maxWidth, size, bold);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line) lines.push(line);
  return lines;
}

/** Word wrap to a pixel width by the font's real widths; a word wider than a line is cut. */
export function wrapMeasured(text: string, maxWidth: number, size: number, bold = false): string[] {
  return pack(text.split(/\s+/).filter(Boolean), ' ', maxWidth, size, bold);
}

/**
 * A URL wrapped to a pixel width, broken after `?`, `&` or `/` where it can be (so each line is a
 * readable piece of the address) and mid-piece only when one piece is wider than a line. The lines
 * joined together give back the whole URL.
 */
export function wrapUrl(url: string, maxWidth: number, size: number): string[] {
  const pieces = url.match(/[^?&/]*[?&/]*/g)?.filter(Boolean) ?? [];
  return pack(pieces, '', maxWidth, size, false);
}
