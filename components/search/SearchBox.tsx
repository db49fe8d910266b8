'use client';
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { useSearch } from '@/lib/client/api/profiles';
import type { ProfileKind, ProfileRef } from '@/lib/core/domain/profile-ref';
import { type SearchAnswer, type SearchHit, type SearchKind, SEARCH_MAX_LENGTH, describeMatch } from '@/lib/core/domain/search';

const GROUPS: { key: SearchKind; label: string; kind: ProfileKind }[] = [
  { key: 'vessels', label: 'Vessels', kind: 'vessel' },
  { key: 'ports', label: 'Ports', kind: 'port' },
  { key: 'sources', label: 'Sources', kind: 'source' },
];

interface Option {
  optionId: string;
  ref: ProfileRef;
  hit: SearchHit;
}

/** Waits until typing pauses, so that each keystroke does not ask the server. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

function groupsOf(data: SearchAnswer | undefined, base: string) {
  return GROUPS.map((g) => ({
    ...g,
    total: data?.[g.key].total ?? 0,
    options: (data?.[g.key].hits ?? []).map((hit): Option => ({ optionId: `${base}-${g.kind}-${hit.id}`, ref: { kind: g.kind, id: hit.id }, hit })),
  })).filter((g) => g.options.length > 0);
}

/**
 * One box for vessels (name, former names, IMO, MMSI), ports (name, LOCODE) and sources (title,
 * publisher): the WAI-ARIA APG combobox with a listbox popup. Focus stays in the box; the arrow
 * keys move the active option (aria-activedescendant), Enter opens it, Escape closes the list (a
 * second Escape clears the box). Results are grouped by kind, each saying what matched.
 */
export default function SearchBox({ onChoose }: { onChoose: (ref: ProfileRef) => void }) {
  const base = useId().replace(/:/g, '');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const query = useDebounced(text.trim(), 150);
  const { data, error, isLoading } = useSearch(query.slice(0, SEARCH_MAX_LENGTH));
  const current = data && data.q === query ? data : undefined;
  const groups = useMemo(() => groupsOf(current, base), [current, base]);
  const options = groups.flatMap((g) => g.options);
  const expanded = open && text.trim() !== '' && options.length > 0;
  // An option of an earlier answer that is not in this one is no longer active.
  const active = options.findIndex((o) => o.optionId === activeId);
  const activeOption = expanded && active >= 0 ? options[active] : undefined;
  const setActive = (i: number) => setActiveId(i >= 0 ? (options[i]?.optionId ?? null) : null);
  useEffect(() => {
    if (activeOption) document.getElementById(activeOption.optionId)?.scrollIntoView({ block: 'nearest' });
  }, [activeOption]);

  const choose = (o: Option) => {
    setOpen(false);
    setActive(-1);
    onChoose(o.ref);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!n) return;
        e.preventDefault();
        setOpen(true);
        const down = e.key === 'ArrowDown';
        if (!expanded || e.altKey) {
          setActive(down && !e.altKey ? 0 : down ? -1 : n - 1);
          return;
        }
        setActive(down ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
        return;
      }
      case 'Enter': {
        const o = activeOption ?? (expanded && n === 1 ? options[0] : undefined);
        if (!o) return;
        e.preventDefault();
        choose(o);
        return;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          // Not a close of the details around: the list is what Escape dismisses here.
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          e.stopPropagation();
          setText('');
        }
        return;
      default:
    }
  };

  const pending = text.trim() !== '' && (query !== text.trim() || (isLoading && !current));
  const status = !text.trim()
    ? ''
    : error
      ? `Search failed: ${error.message}`
      : pending
        ? 'Searching…'
        : options.length === 0
          ? `Nothing matches “${text.trim()}”.`
          : `${options.length} ${options.length === 1 ? 'result' : 'results'}${open ? ': arrow keys to move, Enter to open' : ''}.`;

  return (
    <div role="search" className="search-box" aria-label="Vessels, ports and sources">
      <label htmlFor={`${base}-input`}>Find a vessel, port or source</label>
      <input
        id={`${base}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${base}-listbox`}
        aria-activedescendant={activeOption?.optionId}
        aria-describedby={`${base}-hint`}
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder="Name, former name, IMO, MMSI, LOCODE…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        // Focus alone (a return from a closed profile) does not open the list: typing, a click or Down does.
        onFocus={(e) => {
          // On a phone the box sits under the map: bring it to the top, so the list has room above the keyboard.
          if (window.matchMedia('(max-width: 760px)').matches) e.currentTarget.scrollIntoView({ block: 'start', behavior: 'smooth' });
        }}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
      />
      <p id={`${base}-hint`} className="visually-hidden">
        Type to search; results appear in a list below.
      </p>
      <p className="search-status" role="status" aria-live="polite">
        {status}
      </p>
      <div id={`${base}-listbox`} role="listbox" aria-label="Search results" className="search-results" hidden={!expanded}>
        {groups.map((g) => (
          <div key={g.key} role="group" aria-labelledby={`${base}-${g.key}`}>
            <div role="presentation" id={`${base}-${g.key}`} className="search-group">
              {g.label}
              {g.total > g.options.length ? ` (${g.options.length} of ${g.total})` : ''}
            </div>
            {g.options.map((o) => (
              <div
                key={o.optionId}
                id={o.optionId}
                role="option"
                aria-selected={o === activeOption}
                className="search-option"
                // Keep focus in the box: the click chooses, the box stays the combobox.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o)}
              >
                <span className="search-option-label">{o.hit.label}</span>
                <span className="search-option-detail">
                  {o.hit.detail}
                  {o.hit.matched.field !== 'name' && o.hit.matched.field !== 'title' && <> · {describeMatch(o.hit.matched)}</>}
                </span>
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
