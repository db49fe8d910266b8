/**
 * Vitest's global set-up for a run on PostgreSQL (WAKELINE_TEST_DB=postgres): a throwaway cluster
 * (scripts/pg/cluster.mjs) under a temporary folder of the run's own, unless WAKELINE_TEST_PG_URL
 * names one already; then the template database every test's database is copied from, migrated
 * and seeded once (tests/unit/helpers.ts tempDatabase). The cluster is stopped and removed after.
 */
import { clusterDir, startCluster, stopCluster } from '../scripts/pg/cluster.mjs';
import { PG_TEMPLATE, clusterSql } from './unit/helpers';

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.WAKELINE_TEST_DB !== 'postgres') return undefined;
  let dir: string | null = null;
  if (!process.env.WAKELINE_TEST_PG_URL) {
    dir = clusterDir('wakeline-test-pg');
    process.env.WAKELINE_TEST_PG_URL = await startCluster(dir);
  }
  clusterSql(`drop database if exists ${PG_TEMPLATE} with (force)`);
  clusterSql(`create database ${PG_TEMPLATE} template template1`);
  const url = new URL(process.env.WAKELINE_TEST_PG_URL);
  url.pathname = `/${PG_TEMPLATE}`;
  const { openReadyDatabase } = await import('@/lib/server/db');
  const db = await openReadyDatabase(url.toString());
  await db.destroy();
  return () => {
    if (dir) stopCluster(dir);
  };
}
