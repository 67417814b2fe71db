import { ProviderErrorCode } from '../../provider-error';
import { httpFailure } from './classify-status';

const response = { status: 400, headers: {}, body: '' };

describe(httpFailure.name, () => {
  it.each(['21211', 'syntax_invalid_parameter_format', 'EC_INVALID_DESTINATION', 'E400'])(
    'should quote the vendor code %p',
    (vendorCode) => {
      const sut = httpFailure(response, ProviderErrorCode.VendorConfig, 'Acme refused', vendorCode);

      expect([sut.message, sut.details.vendorCode]).toEqual([
        `Acme refused (HTTP 400, code ${vendorCode})`,
        vendorCode,
      ]);
    },
  );

  it.each(['+14155552671', '14155552671', '480213', 'number 4155552671 is bad', 'x'.repeat(65)])(
    'should drop a vendor "code" that could be a number, a code or free text: %p',
    (vendorCode) => {
      const sut = httpFailure(
        response,
        ProviderErrorCode.InvalidRecipient,
        'Acme rejected',
        vendorCode,
      );

      expect([sut.message, sut.details.vendorCode]).toEqual([
        'Acme rejected (HTTP 400)',
        undefined,
      ]);
    },
  );
});
