/**
 * Where to go after signing in: the `next` a link asked for, only if it stays on this site.
 *
 * `next` is resolved with the URL parser against the app's origin, exactly as a browser would
 * resolve it, and accepted only when the result has that same origin. So every trick that string
 * checks miss (`//host`, `/\host`, tabs or newlines the parser drops as in `/<TAB>/host`,
 * `javascript:` and other schemes) ends at `/`. The answer is the resolved path, query and hash;
 * a path that would itself read as another host (`//…`) is refused as well.
 */
export function safeRedirectPath(next: string | null | undefined, origin: string): string {
  if (!next) return '/';
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (base.origin === 'null' || url.origin !== base.origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  return path;
}
