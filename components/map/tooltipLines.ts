/**
 * Lines as a Leaflet tooltip's content (its tooltips do not wrap, and a long line runs off a phone).
 * A space before each break, so the text reads as one sentence to a screen reader and a test.
 */
export function tooltipLines(lines: readonly string[]): HTMLElement {
  const el = document.createElement('div');
  lines.forEach((line, i) => {
    if (i > 0) el.append(document.createElement('br'));
    el.append(i < lines.length - 1 ? `${line} ` : line);
  });
  return el;
}
