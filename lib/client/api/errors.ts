/** A refused request as the browser reads it back, for reads and writes alike. */
import { apiErrorBodySchema } from '@/lib/core/domain/dto';

/**
 * A refused request as the browser sees it: the same fields as the server's AppError
 * (lib/core/domain/errors.ts), read back from the JSON error answer. The status is any number
 * (a proxy in front may answer 502), and `code` is undefined when the answer was not ours.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The one reading of a failed answer, for reads and writes: our error body, else the status line. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  let raw: unknown;
  try {
    raw = await res.json();
  } catch {
    // Not JSON (an HTML error page, an empty body): only the status is known.
  }
  const body = apiErrorBodySchema.safeParse(raw);
  if (body.success) return new ApiError(res.status, body.data.error.code, body.data.error.message, body.data.error.details);
  return new ApiError(res.status, undefined, `${res.status} ${res.statusText}`.trim());
}
