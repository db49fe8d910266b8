import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import AuthStatus from '@/components/AuthStatus';
import OpenQuestions from '@/components/OpenQuestions';

export const metadata: Metadata = { title: 'Open questions — Wakeline' };

/** The team's unresolved questions and corrections across voyages, ports and vessels. */
export default function QuestionsPage() {
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
      <h2>Open questions</h2>
      <p className="state">Questions and corrections on voyages, ports and vessels that no one has marked resolved yet, newest first.</p>
      <Suspense fallback={<p className="state">Loading…</p>}>
        <OpenQuestions />
      </Suspense>
    </main>
  );
}
