import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import AuthStatus from '@/components/AuthStatus';
import ReviewQueue from '@/components/desk/ReviewQueue';

export const metadata: Metadata = { title: 'Review — Wakeline' };

/** The review queue. The page is public; the API behind it answers signed-in team members only. */
export default function ReviewPage() {
  return (
    <main className="page-narrow page-wide">
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
      <h2>Review queue</h2>
      <ReviewQueue />
    </main>
  );
}
