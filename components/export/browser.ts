/**
 * Browser-side export plumbing: SVG → PNG at an exact pixel size, tiles → data URLs (which fails
 * plainly when the tile server sends no CORS headers), and saving a file.
 */

/** Rasterises an SVG document to a PNG of exactly width × height pixels. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the image (no 2D canvas).');
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG (too large?).'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export class TileExportError extends Error {}

/** Fetches tiles with CORS and turns them into data URLs; throws TileExportError if any fails. */
export async function fetchTiles(urls: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(
    urls.map(async (url) => {
      let blob: Blob;
      try {
        const res = await fetch(url, { mode: 'cors', credentials: 'omit' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        blob = await res.blob();
      } catch (err) {
        throw new TileExportError(
          `The tile server did not allow its tiles to be exported (${err instanceof Error ? err.message : 'no CORS headers'}).`,
        );
      }
      out.set(
        url,
        await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(new TileExportError('A tile could not be read.'));
          reader.readAsDataURL(blob);
        }),
      );
    }),
  );
  return out;
}

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
