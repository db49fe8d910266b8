/**
 * An expected failure raised below the route handlers (data layer, auth rules): the handler guard
 * turns it into the JSON error answer with its status, like an HttpError.
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
