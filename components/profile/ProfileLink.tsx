'use client';
import type { MouseEvent, ReactNode } from 'react';
import type { ProfileRef } from '@/lib/core/domain/profile-ref';
import { useProfileNav } from './useProfiles';

const LABEL = { vessel: 'vessel profile', port: 'port profile', source: 'source profile' } as const;

/**
 * A link to a vessel's, port's or source's profile: a real href (a new tab, a copied link open the
 * same view), opened in place by a plain click. Outside the dashboard it is plain text.
 */
export default function ProfileLink({ to, children, describe = false }: { to: ProfileRef; children: ReactNode; describe?: boolean }) {
  const nav = useProfileNav();
  if (!nav) return <>{children}</>;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    nav.open(to);
  };
  return (
    <a href={nav.href(to)} onClick={onClick} className="profile-link">
      {children}
      {describe && <span className="visually-hidden"> ({LABEL[to.kind]})</span>}
    </a>
  );
}
