import type { Metadata } from 'next';
import { Suspense } from 'react';
import PageHead from '@/components/PageHead';
import OpenQuestions from '@/components/OpenQuestions';

export const metadata: Metadata = { title: 'Open questions — Wakeline' };

/** The team's unresolved questions and corrections across voyages, ports and vessels. */
export default function QuestionsPage() {
  return (
    <main className="page-narrow page-wide">
      <PageHead />
      <h2>Open questions</h2>
      <p className="state">Questions and corrections on voyages, ports and vessels that no one has marked resolved yet, newest first.</p>
      <Suspense fallback={<p className="state">Loading…</p>}>
        <OpenQuestions />
      </Suspense>
    </main>
  );
}
