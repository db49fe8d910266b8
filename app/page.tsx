import { connection } from 'next/server';
import { Suspense } from 'react';
import Dashboard from '@/components/Dashboard';
import { tileLayerFromEnv } from '@/lib/domain/tile-layer';

/** The dashboard. Server component: reads the optional tile-layer setting at request time. */
export default async function Page() {
  await connection();
  const tileLayer = tileLayerFromEnv(process.env);
  return (
    <Suspense fallback={<p className="page-loading">Loading Wakeline…</p>}>
      <Dashboard tileLayer={tileLayer} />
    </Suspense>
  );
}
