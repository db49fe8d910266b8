/**
 * How deep (nautical miles) a recorded track may run into the basemap's land before the desk calls
 * it "over land": the land data's coastline is generalised to roughly 1 km (0.54 nm), so a real
 * AIS track along a coast or into a harbour can cut its headlands by a few hundred metres (the
 * issue 12 test track does so by under 200 m, 3.3 nm out of Rajin). A line that goes deeper, or
 * across land wider than twice this, is still refused. Drawn (inferred) routes get no slack.
 *
 * @example
 * routeCrossesLand(observedRoute, land, { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM, coastSlackNm: COAST_SLACK_NM });
 */
export const COAST_SLACK_NM = 0.5;
