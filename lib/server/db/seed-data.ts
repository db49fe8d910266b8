/** The committed seed records, as one object for `seedDatabase` (validated there). */
import 'server-only';
import claims from '@/data/seed/claims.json';
import observations from '@/data/seed/observations.json';
import ports from '@/data/seed/ports.json';
import sources from '@/data/seed/sources.json';
import vessels from '@/data/seed/vessels.json';
import voyages from '@/data/seed/voyages.json';

export const seedData = { sources, ports, vessels, voyages, observations, claims };
