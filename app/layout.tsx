import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import 'leaflet/dist/leaflet.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'Wakeline — reported voyages, Rajin to Russia’s Far East',
  description:
    'Reported ship voyages between Rajin (North Korea) and Dunai, Vostochny and Vladivostok, each with its sources, date windows and inferred routes, on an offline map.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
