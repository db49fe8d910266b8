import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import AdminUsers from '@/components/AdminUsers';
import AuthStatus from '@/components/AuthStatus';

export const metadata: Metadata = { title: 'Users — Wakeline' };

/** Account administration. The page is public; the API behind it answers admins only. */
export default function AdminPage() {
  return (
    <main className="page-narrow page-wide">
      <div className="page-head">
        <h1>
          <Link href="/" className="home-link">
            Wakeline
          </Link>
        </h1>
        <Suspense fallback={null}>
          <AuthStatus />
        </Suspense>
      </div>
      <h2>Users and roles</h2>
      <AdminUsers />
    </main>
  );
}
