/** How a sighting looks on the map and in the legend: a teal dot; a draft is hollow with a dashed ring. */
export const SIGHTING_COLOR = '#0f766e';
export const SIGHTING_DRAFT_DASH = '3 3';
