import type { Metadata } from 'next';
import PageHead from '@/components/PageHead';
import ReviewQueue from '@/components/desk/ReviewQueue';

export const metadata: Metadata = { title: 'Review — Wakeline' };

/** The review queue. The page is public; the API behind it answers signed-in team members only. */
export default function ReviewPage() {
  return (
    <main className="page-narrow page-wide">
      <PageHead />
      <h2>Review queue</h2>
      <ReviewQueue />
    </main>
  );
}
