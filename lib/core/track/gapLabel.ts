/**
 * A gap's label on the map: "20 h silent", "3 d 4 h silent", "40 min silent".
 *
 * @example
 * gapLabel(20.2); // '20 h silent'
 */
export function gapLabel(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min silent`;
  const whole = Math.round(hours);
  if (whole < 48) return `${whole} h silent`;
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  return rest ? `${days} d ${rest} h silent` : `${days} d silent`;
}
