import 'server-only';
import type { Element } from '@xmldom/xmldom';
import type { ParsedRow, RowIdentity } from '@/lib/core/track/types';
import { parseIsoTime } from './time';
import { clip, coordinateProblem, courseDegrees, readIdentity, speedKnots } from './values';

/** GPX 1.0 gives `<speed>` in metres per second. */
const KNOTS_PER_METRE_PER_SECOND = 3600 / 1852;

function child(element: Element, name: string): string | undefined {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) return node.textContent?.trim();
  }
  return undefined;
}

function children(element: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) found.push(node as Element);
  }
  return found;
}

function point(element: Element, line: number, identity: RowIdentity, problem: string | undefined): ParsedRow {
  if (problem) return { line, error: problem };
  const lat = element.getAttribute('lat');
  const lon = element.getAttribute('lon');
  const where = coordinateProblem('lat', lat ?? undefined, 90) ?? coordinateProblem('lon', lon ?? undefined, 180);
  if (where) return { line, error: where };
  const time = child(element, 'time');
  if (!time) return { line, error: `${element.localName} without <time>` };
  const t = parseIsoTime(time);
  if (Number.isNaN(t)) return { line, error: `<time> '${clip(time)}' is not a date` };
  const speed = speedKnots(child(element, 'speed'));
  return {
    line,
    identity,
    point: { t, lon: Number(lon), lat: Number(lat), sog: speed === null ? null : +(speed * KNOTS_PER_METRE_PER_SECOND).toFixed(3), cog: courseDegrees(child(element, 'course')) },
  };
}

/**
 * A GPX document's timed points in document order: each `trkpt` (named by its `<trk><name>`),
 * `rtept` and `wpt` (a waypoint without a time is rejected like any untimed point). Read from the DOM directly rather than through togeojson, which drops
 * points without a time (shifting the times of the rest) and tracks of one point. `line` is the
 * 1-based index of the point among all trkpt, rtept and wpt elements.
 */
export function* gpxRows(root: Element): Generator<ParsedRow> {
  let line = 0;
  for (const element of allChildren(root)) {
    if (element.localName === 'wpt') yield point(element, ++line, {}, undefined);
    else if (element.localName === 'trk' || element.localName === 'rte') {
      const { identity, problem } = readIdentity(undefined, undefined, child(element, 'name'));
      const segments = element.localName === 'trk' ? children(element, 'trkseg') : [element];
      for (const segment of segments) {
        for (const vertex of children(segment, element.localName === 'trk' ? 'trkpt' : 'rtept')) yield point(vertex, ++line, identity, problem);
      }
    }
  }
}

function allChildren(element: Element): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) found.push(node as Element);
  return found;
}
