import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import 'leaflet/dist/leaflet.css';
import './globals.css';
import './shell.css';
import './team.css';
import './profiles.css';

export const metadata: Metadata = {
  title: 'Wakeline — reported voyages, Rajin to Russia’s Far East',
  description:
    'Reported ship voyages between Rajin (North Korea) and Dunai, Vostochny and Vladivostok, each with its sources, date windows and inferred routes, on an offline map.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * Every page is rendered at request time: the Content-Security-Policy's nonce is new for each
 * request (proxy.ts), and Next.js can only put it on its scripts when it renders the page then.
 * A page prerendered at build time would carry scripts the policy refuses.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
