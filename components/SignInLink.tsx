'use client';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

/**
 * "Sign in", carrying the page you are on (path and query, where the dashboard keeps its whole
 * view) as `next=`, so signing in brings you back to the same voyage, filters and frame. The login
 * page follows `next` only when it stays on this site (lib/core/domain/redirect.ts).
 */
export default function SignInLink({ children = 'Sign in' }: { children?: React.ReactNode }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = `${pathname}${search ? `?${search}` : ''}`;
  const href = here === '/' || pathname === '/login' ? '/login' : `/login?${new URLSearchParams({ next: here }).toString()}`;
  return <Link href={href}>{children}</Link>;
}
