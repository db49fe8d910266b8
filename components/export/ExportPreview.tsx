'use client';

interface Props {
  /** The image as a data: URL, null while it is being prepared. */
  url: string | null;
  title: string;
  width: number;
  height: number;
  /** The tile layer was wanted and cannot be exported, so no preview is coming. */
  tileFailed: boolean;
}

/** Exactly the image that will be saved, scaled to fit, with its real size. */
export function ExportPreview({ url, title, width, height, tileFailed }: Props) {
  return (
    <div className="dialog-preview">
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, not an optimisable asset
        <img src={url} alt={`Preview of the exported image: ${title}`} data-testid="export-preview" />
      ) : (
        <p role="status">{tileFailed ? 'The tile layer cannot be exported.' : 'Preparing the preview…'}</p>
      )}
      <span className="size-note">
        {width} × {height} px · preview scaled to fit
      </span>
    </div>
  );
}
