/** Sizes a canvas's backing store for the device pixel ratio (which clears it), when it changed. */
export function fitCanvas(c: HTMLCanvasElement, width: number, height: number, dpr: number): void {
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (c.width !== w) c.width = w;
  if (c.height !== h) c.height = h;
}
