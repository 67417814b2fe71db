import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { TelephonyHookRequestDto, telephonyHookProblems } from './telephony-hook.dto';

/** The hook body, checked as an Okta telephony hook request; 400 with every problem otherwise. */
@Injectable()
export class TelephonyHookPipe implements PipeTransform<unknown, TelephonyHookRequestDto> {
  transform(body: unknown): TelephonyHookRequestDto {
    const problems = telephonyHookProblems(body);
    if (problems.length > 0) throw new ApiError(ApiErrorCode.InvalidRequest, problems);
    return body as TelephonyHookRequestDto;
  }
}
