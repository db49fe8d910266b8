/**
 * Runs once when the Next.js server starts: migrates and seeds the database before the first
 * request, so a broken database fails the start loudly instead of the first page view.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getDb } = await import('./lib/db');
    await getDb();
    console.log('[wakeline] database ready');
  }
}
