/**
 * Shared plumbing for route handlers: query and body validation with zod, and the guard that is
 * the one place an AppError becomes the JSON error answer (any other throw: a logged 500 without
 * a stack trace in the body).
 */
import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { ApiErrorBody } from '@/lib/core/domain/dto';
import { AppError } from '@/lib/core/domain/errors';
import { readLimitedText } from '@/lib/server/request-body';

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  return issue.path.map(String).join('.') || '(query)';
}

/** Parses URL search parameters with a strict zod object; a repeated parameter is an error. */
export function parseQuery<S extends z.ZodType>(url: string | URL, schema: S): z.output<S> {
  const params = new URL(url).searchParams;
  // No prototype: a parameter named __proto__ is a key like any other, refused as unknown.
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    if (all.length > 1) {
      throw new AppError(400, 'invalid_query', `Query parameter "${key}" is given more than once.`, {
        issues: [{ field: key, message: 'given more than once' }],
      });
    }
    raw[key] = all[0] ?? '';
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw invalid('invalid_query', 'Query parameter', result.error);
  return result.data;
}

/** Validates a path parameter such as an id. */
export function parseParam<S extends z.ZodType>(name: string, value: unknown, schema: S): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(400, 'invalid_path', `Path parameter "${name}" is invalid: ${result.error.issues[0]?.message}.`, {
      issues: [{ field: name, message: result.error.issues[0]?.message }],
    });
  }
  return result.data;
}

function invalid(code: string, what: string, error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({
    field: fieldOf(i),
    message: i.code === 'unrecognized_keys' ? 'unknown parameter' : i.message,
  }));
  const first = issues[0] ?? { field: '(query)', message: 'invalid' };
  return new AppError(400, code, `${what} "${first.field}" is invalid: ${first.message}.`, { issues });
}

const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON request body (streamed, at most MAX_BODY_BYTES bytes) and validates it with a
 * strict zod object. Over the limit: 413; not JSON, not UTF-8 or invalid: 400 naming the field.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  const text = await readLimitedText(request, MAX_BODY_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError(400, 'invalid_json', 'The body is not valid JSON.', { issues: [{ field: '(body)', message: 'not valid JSON' }] });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      field: i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.map(String).join('.') || '(body)',
      message: i.code === 'unrecognized_keys' ? 'unknown field' : i.message,
    }));
    const first = issues[0] ?? { field: '(body)', message: 'invalid' };
    throw new AppError(400, 'invalid_body', `Field "${first.field}" is invalid: ${first.message}.`, { issues });
  }
  return result.data;
}

function errorAnswer(err: AppError): Response {
  const { status, code, message, details } = err;
  const body: ApiErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  const res = NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  const retry = (details as { retryAfter?: number } | undefined)?.retryAfter;
  if (status === 429 && retry) res.headers.set('Retry-After', String(retry));
  return res;
}

/** Wraps a handler: AppError → its JSON error; anything else → logged, 500 with no internals. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      if (err instanceof AppError) return errorAnswer(err);
      console.error('[wakeline] unhandled error in route handler', err);
      return errorAnswer(new AppError(500, 'internal', 'The server could not answer this request. It has been logged.'));
    }
  };
}

export function json(body: unknown, init?: { headers?: Record<string, string> }) {
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store', ...init?.headers } });
}
