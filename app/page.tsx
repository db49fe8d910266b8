import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import Dashboard from '@/components/Dashboard';
import { pageActor } from '@/lib/server/page-actor';
import { config } from '@/lib/server/config';

/**
 * The dashboard. Server component: hands the optional tile layer to the map, and sends visitors
 * to the login page when the instance requires a login to read.
 */
export default async function Page() {
  await connection();
  const { readRequiresLogin, tileLayer } = config();
  if (readRequiresLogin && !(await pageActor(await headers(), await cookies()))) redirect('/login');
  return (
    <Suspense fallback={<p className="page-loading">Loading Wakeline…</p>}>
      <Dashboard tileLayer={tileLayer} />
    </Suspense>
  );
}
