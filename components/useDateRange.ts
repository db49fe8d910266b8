'use client';
import { useState } from 'react';
import { parseDayInput, rangeProblem } from '@/lib/core/domain/date-input';

type End = 'from' | 'to';
type Pair<T> = Record<End, T>;
const NONE: Pair<null> = { from: null, to: null };

/**
 * The two typed dates of the filters. Each box keeps its text, unapplied, while it is not a whole
 * valid day (typing "2" on the way to "2024" is not year 2); a full `YYYY-MM-DD` applies at once,
 * a shorter form (`2024-3-5`) on leaving the box or Enter (`final`). A day that would reverse the
 * range is refused with the reason, and kept in its box: once the other end moves to allow it, the
 * two apply together, so what the boxes show is what the view filters by.
 */
export function useDateRange(applied: Partial<Pair<string>>, apply: (patch: Partial<Pair<string | undefined>>) => void) {
  const [draft, setDraft] = useState<Pair<string | null>>(NONE);
  const [error, setError] = useState<Pair<string | null>>(NONE);

  const attempt = (end: End, text: string, final: boolean) => {
    const other: End = end === 'from' ? 'to' : 'from';
    const nextDraft = { ...draft, [end]: text };
    const nextError = { ...error, [end]: null };
    const patch: Partial<Pair<string | undefined>> = {};
    const parsed = parseDayInput(text, { final });
    if (parsed.kind === 'empty') {
      nextDraft[end] = null;
      if (applied[end] !== undefined) patch[end] = undefined;
    } else if (parsed.kind === 'invalid') {
      nextError[end] = parsed.message;
    } else if (parsed.kind === 'day') {
      // The other end as its box shows it: a day typed there but not applied counts.
      const otherText = draft[other];
      const otherPending = otherText === null ? null : parseDayInput(otherText, { final: true });
      const otherDay = otherPending?.kind === 'day' ? otherPending.day : applied[other];
      const problem = end === 'from' ? rangeProblem(parsed.day, otherDay) : rangeProblem(otherDay, parsed.day);
      if (problem) {
        nextError[end] = `${problem} Change one of them to apply the range.`;
      } else {
        nextDraft[end] = null;
        if (parsed.day !== applied[end]) patch[end] = parsed.day;
        if (otherPending?.kind === 'day') {
          nextDraft[other] = null;
          nextError[other] = null;
          if (otherPending.day !== applied[other]) patch[other] = otherPending.day;
        }
      }
    }
    setDraft(nextDraft);
    setError(nextError);
    if (Object.keys(patch).length) apply(patch);
  };

  return {
    text: (end: End) => draft[end] ?? applied[end] ?? '',
    error: (end: End) => error[end],
    /** The reader typed in a box. */
    type: (end: End, text: string) => attempt(end, text, false),
    /** The reader is done with a box (blur, Enter): shorter forms count, anything else is refused. */
    commit: (end: End) => {
      if (draft[end] !== null) attempt(end, draft[end], true);
    },
    /** Forget unapplied text (after Clear filters). */
    reset: () => {
      setDraft(NONE);
      setError(NONE);
    },
  };
}
