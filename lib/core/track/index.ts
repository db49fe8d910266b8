// The public detection and synthetic-track functions of lib/core/track (types: import them from their files).
export { detectEvents } from './detectEvents';
export { detectGaps } from './detectGaps';
export { detectPortCalls } from './detectPortCalls';
export { marineCadastreLines, MARINE_CADASTRE_HEADER } from './marineCadastreLines';
export { possibleDarkPortCalls } from './possibleDarkPortCalls';
export { syntheticTrack } from './syntheticTrack';
export { toMarineCadastreCsv } from './toMarineCadastreCsv';
export * from './types';
