import { PipeTransform } from '@nestjs/common';
import { ApiError, ApiErrorCause, ApiErrorCode } from './api-error';

/**
 * A body as `T` once `problemsOf` finds nothing wrong with it, else 400 with what it found (which
 * Okta does not retry): the telephony hook's and the event hook's checks, plain functions rather
 * than class-validator's transform.
 */
export class BodyCheckPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly problemsOf: (body: unknown) => readonly ApiErrorCause[]) {}

  transform(body: unknown): T {
    const problems = this.problemsOf(body);
    if (problems.length > 0) throw new ApiError(ApiErrorCode.InvalidRequest, problems);
    return body as T;
  }
}
