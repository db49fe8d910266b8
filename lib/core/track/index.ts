// The public detection and synthetic-track functions of lib/core/track (types: import them from their files).
export { marineCadastreLines, MARINE_CADASTRE_HEADER } from './marineCadastreLines';
export { syntheticTrack } from './syntheticTrack';
export { toMarineCadastreCsv } from './toMarineCadastreCsv';
export * from './types';
