/**
 * Runs once when the Next.js server starts: checks the settings, then migrates and seeds the
 * database before the first request, so a malformed variable or a broken database fails the
 * start loudly instead of the first page view, and cleans up imports a crashed process left. When no account can manage the others yet, it
 * prints how to create the first admin. NEXT_RUNTIME is Next.js's own switch, not a setting.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { config } = await import('./lib/server/config');
    config();
    const { getDb } = await import('./lib/server/db');
    const { countActiveAdmins, noAdminHint } = await import('./lib/server/db/users');
    const db = await getDb();
    console.log('[wakeline] database ready');
    const { sweepAtStart } = await import('./lib/server/imports/cleanup');
    await sweepAtStart(db);
    if ((await countActiveAdmins(db)) === 0) console.log(noAdminHint());
  }
}
