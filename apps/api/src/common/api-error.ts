import {
  httpStatusOf,
  type AttachmentRefusalReason,
  type DomainError,
  type DomainErrorCode,
  type RefusalParams,
  type RefusalReason,
} from '@whistle/domain';

/**
 * An error the API answers on purpose, with the domain's code and the details a client can act on. A refusal of
 * the domain also carries its stable `reason` and the `params` that word it (the console's translations use them).
 */
export class ApiError extends Error {
  constructor(
    readonly code:
      | DomainErrorCode
      | 'unauthorized'
      | 'unavailable'
      | 'rate_limited'
      | 'gone'
      | 'password_change_required'
      | 'payload_too_large'
      | 'unsupported_media_type',
    message: string,
    readonly details?: Record<string, unknown>,
    readonly reason?: RefusalReason | AttachmentRefusalReason,
    readonly params?: RefusalParams,
  ) {
    super(message);
  }

  get status(): number {
    if (this.code === 'unauthorized') return 401;
    if (this.code === 'unavailable') return 503;
    if (this.code === 'rate_limited') return 429;
    if (this.code === 'gone') return 410;
    if (this.code === 'password_change_required') return 403;
    if (this.code === 'payload_too_large') return 413;
    if (this.code === 'unsupported_media_type') return 415;
    return httpStatusOf(this.code);
  }

  static from(error: DomainError): ApiError {
    return new ApiError(error.code, error.message, error.details, error.reason, error.params);
  }

  static invalid(issues: { path: string; message: string }[]): ApiError {
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return new ApiError('invalid', summary, { issues });
  }

  /** 429 with how long to wait, which the exception filter also sends as `Retry-After`. */
  static rateLimited(message: string, retryAfterMs: number): ApiError {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return new ApiError('rate_limited', `${message}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }

  static notFound(what: string): ApiError {
    return new ApiError('not_found', `${what} not found`);
  }
}
