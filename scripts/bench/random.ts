/** The seeded PRNG of the generated benchmark data: the one in lib/core (synthetic tracks use it too). */
export { mulberry32 } from '../../lib/core/track/mulberry32';
