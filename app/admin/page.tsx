import type { Metadata } from 'next';
import AdminUsers from '@/components/AdminUsers';
import PageHead from '@/components/PageHead';

export const metadata: Metadata = { title: 'Users — Wakeline' };

/** Account administration. The page is public; the API behind it answers admins only. */
export default function AdminPage() {
  return (
    <main className="page-narrow page-wide">
      <PageHead />
      <h2>Users and roles</h2>
      <AdminUsers />
    </main>
  );
}
