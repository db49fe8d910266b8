import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import Dashboard from '@/components/Dashboard';
import { pageActor } from '@/lib/server/page-actor';
import { authConfig } from '@/lib/server/auth/config';
import { tileLayerFromEnv } from '@/lib/server/tile-layer';

/**
 * The dashboard. Server component: reads the optional tile-layer setting at request time, and
 * sends visitors to the login page when the instance requires a login to read.
 */
export default async function Page() {
  await connection();
  if (authConfig().readRequiresLogin && !(await pageActor(await headers(), await cookies()))) redirect('/login');
  const tileLayer = tileLayerFromEnv(process.env);
  return (
    <Suspense fallback={<p className="page-loading">Loading Wakeline…</p>}>
      <Dashboard tileLayer={tileLayer} />
    </Suspense>
  );
}
