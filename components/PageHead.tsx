import Link from 'next/link';
import { Suspense } from 'react';
import AuthStatus from './AuthStatus';

/** The head of the team's pages (review, open questions, users): the name back to the map, and the account corner. */
export default function PageHead() {
  return (
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
  );
}
