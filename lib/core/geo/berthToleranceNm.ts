/**
 * Berth tolerance (nautical miles) used for the seeded ports: land within this distance of a
 * route's first and last point is ignored by `routeCrossesLand` / `seaRoute`. World Port Index
 * positions have 1′ resolution (≤ 1 nm) and the land data's coastline is generalised to roughly
 * 1 km, so port reference points can sit on land: Dunai's (the village centre, approximate) lies
 * about 1.1 nm inland of Strelok Bay, the largest gap among the seeded ports.
 *
 * @example
 * routeCrossesLand(route, land, { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM });
 */
export const BERTH_TOLERANCE_NM = 1.5;
