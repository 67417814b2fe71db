import { ExecutionContext } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { AdminConfig } from './admin.config';
import { AdminAuthGuard } from './admin-auth.guard';

const TOKEN = 'admin-token-0123456789abcdef';
const context = (authorization?: string) =>
  ({
    switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }),
  }) as unknown as ExecutionContext;
const codeOf = (fn: () => unknown): ApiErrorCode | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as ApiError).code;
  }
};

describe(AdminAuthGuard.name, () => {
  const sut = new AdminAuthGuard(Object.assign(new AdminConfig(), { tokens: [TOKEN] }));

  it('should accept a configured Bearer token, whatever the case of the scheme', () => {
    expect(sut.canActivate(context(`Bearer ${TOKEN}`))).toBe(true);
    expect(sut.canActivate(context(`bearer ${TOKEN}`))).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['a wrong token', 'Bearer admin-token-0123456789abcdeX'],
    ['the token without the scheme', TOKEN],
    ['another scheme', `Basic ${TOKEN}`],
  ])('should answer 401 for %s', (_name, header) => {
    expect(codeOf(() => sut.canActivate(context(header)))).toBe(ApiErrorCode.Unauthorized);
  });

  it('should hide the route (404) when no token is configured', () => {
    const disabled = new AdminAuthGuard(new AdminConfig());

    expect(codeOf(() => disabled.canActivate(context(`Bearer ${TOKEN}`)))).toBe(
      ApiErrorCode.NotFound,
    );
  });
});
