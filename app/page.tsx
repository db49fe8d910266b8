import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import Dashboard from '@/components/Dashboard';
import { pageActor } from '@/lib/server/page-actor';
import { config } from '@/lib/server/config';

/** The query string of the request, as the browser sent it (a repeated key keeps every value). */
function searchOf(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value ?? []].flat()) search.append(key, v);
  return search.toString();
}

/**
 * The dashboard. Server component: hands the optional tile layer to the map, and sends visitors
 * to the login page when the instance requires a login to read.
 */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { readRequiresLogin, tileLayer } = config();
  if (readRequiresLogin && !(await pageActor(await headers(), await cookies()))) redirect('/login');
  return (
    <Suspense fallback={<p className="page-loading">Loading Wakeline…</p>}>
      <Dashboard tileLayer={tileLayer} initialSearch={searchOf(await searchParams)} />
    </Suspense>
  );
}
