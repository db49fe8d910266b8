import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import LoginForm from '@/components/LoginForm';

export const metadata: Metadata = { title: 'Sign in — Wakeline' };

/** The sign-in page for team members. Reading needs no account unless the operator says so. */
export default function LoginPage() {
  return (
    <main className="page-narrow">
      <h1>
        <Link href="/" className="home-link">
          Wakeline
        </Link>
      </h1>
      <h2>Sign in</h2>
      <p className="state">Team members sign in to annotate voyages. Accounts are created by an operator; ask your admin for one.</p>
      <Suspense fallback={null}>
        <LoginForm />
      </Suspense>
    </main>
  );
}
