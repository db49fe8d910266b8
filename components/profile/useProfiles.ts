'use client';
import { type RefObject, createContext, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { VoyageFeatures } from '@/lib/client/api';
import { type ProfileRef, sameProfile } from '@/lib/core/domain/profile-ref';
import { type ViewState, viewStateToSearch, withoutFilters } from '@/lib/core/domain/view-state';
import { useSelectionFocus } from '../shell/useSelectionFocus';

type Navigate = (update: (s: ViewState) => ViewState, mode: 'push' | 'replace') => void;

export interface ProfileNav {
  /** Opens a profile in the details slot (in place of a selected voyage); Back returns. */
  open: (p: ProfileRef) => void;
  /** The link of a profile from the current view, for a real href (new tab, copy link). */
  href: (p: ProfileRef) => string;
  /** Selects a voyage on the map from a profile (the profile gives way; Back returns to it). */
  selectVoyage: (id: string) => void;
  close: () => void;
}

const withoutProfile = ({ profile: _p, ...s }: ViewState): ViewState => s;

/**
 * The profiles' navigation for the dashboard: opening and closing a profile pushes history, a
 * voyage chosen in a profile is selected on the map (clearing the filters only when they would hide
 * it), and focus follows the APG master–detail pattern as for a voyage.
 */
export function useProfiles(navigate: Navigate, view: RefObject<ViewState>, state: ViewState, shown: VoyageFeatures | undefined) {
  const shownRef = useRef(shown);
  useEffect(() => {
    shownRef.current = shown;
  }, [shown]);
  const nav = useMemo<ProfileNav>(
    () => ({
      open: (p) => navigate((s) => (sameProfile(s.profile, p) && !s.voyage ? s : { ...withoutProfile(s), voyage: undefined, profile: p }), 'push'),
      href: (p) => `/${viewStateToSearch({ ...withoutProfile(view.current), voyage: undefined, profile: p })}`,
      selectVoyage: (id) =>
        navigate((s) => {
          const data = shownRef.current;
          const hidden = data !== undefined && !data.features.some((f) => f.properties.id === id);
          return { ...withoutProfile(hidden ? withoutFilters(s) : s), voyage: id };
        }, 'push'),
      close: () => navigate(withoutProfile, 'push'),
    }),
    [navigate, view],
  );
  // One key for "what the details slot shows": a profile giving way to a voyage is not a close.
  const slot = state.profile ? `${state.profile.kind}:${state.profile.id}` : state.voyage ? `voyage:${state.voyage}` : undefined;
  const focusOnOpen = useSelectionFocus(slot);
  const close = useCallback(() => nav.close(), [nav]);
  return { nav, focusOnOpen, close };
}

export const ProfileNavContext = createContext<ProfileNav | null>(null);

export function useProfileNav(): ProfileNav | null {
  return useContext(ProfileNavContext);
}
