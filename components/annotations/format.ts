import type { AnnotationKind } from '@/lib/core/domain/annotations';

export const KIND_LABEL: Record<AnnotationKind, string> = {
  note: 'Note',
  evidence: 'Evidence',
  question: 'Question',
  correction: 'Correction',
};

/** "27 Nov 2026, 14:05 UTC": one fixed zone so teammates in different places read the same time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

export function formatPosition(p: readonly [number, number]): string {
  const [lon, lat] = p;
  return `${Math.abs(lat).toFixed(4)}°${lat >= 0 ? 'N' : 'S'} ${Math.abs(lon).toFixed(4)}°${lon >= 0 ? 'E' : 'W'}`;
}

/** One URL a line; blank lines dropped. */
export function parseUrlLines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}
