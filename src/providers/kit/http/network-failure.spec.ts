import { ProviderError, ProviderErrorCode } from '../../provider-error';
import { networkFailure } from './network-failure';

const live = new AbortController().signal;
const transient = (message: string) => new ProviderError(ProviderErrorCode.Transient, message);
const systemError = (fields: Record<string, unknown>) =>
  Object.assign(new Error('connect failed'), fields);

describe(networkFailure.name, () => {
  const proxy = 'http://user:secret@127.0.0.1:3128';

  it('should name the proxy, never its credentials, when the proxy cannot be reached', () => {
    const refused = systemError({
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '127.0.0.1',
      port: 3128,
    });

    expect(networkFailure(refused, live, proxy)).toEqual(
      transient('proxy 127.0.0.1:3128 unreachable (ECONNREFUSED)'),
    );
  });

  it('should name a proxy whose host name does not resolve', () => {
    const unknown = systemError({ code: 'ENOTFOUND', hostname: 'proxy.corp' });

    expect(networkFailure(unknown, live, 'http://proxy.corp:8080')).toEqual(
      transient('proxy proxy.corp:8080 unreachable (ENOTFOUND)'),
    );
  });

  it('should give the status with which the proxy refused the tunnel', () => {
    const tunnel = systemError({
      code: 'ERR_PROXY_TUNNEL',
      message:
        'Failed to establish tunnel to api.example.com:443 via http://127.0.0.1:3128: HTTP/1.1 407 Proxy Authentication Required',
    });

    expect(networkFailure(tunnel, live, proxy)).toEqual(
      transient('proxy 127.0.0.1:3128 refused the tunnel (HTTP 407)'),
    );
  });

  it('should call a failure of the vendor behind the proxy a network error', () => {
    const vendor = systemError({
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '127.0.0.1',
      port: 443,
    });

    expect(networkFailure(vendor, live, proxy)).toEqual(transient('network error (ECONNREFUSED)'));
    expect(networkFailure(systemError({ code: 'ECONNRESET' }), live, undefined)).toEqual(
      transient('network error (ECONNRESET)'),
    );
    expect(networkFailure('odd', live, undefined)).toEqual(transient('network error (failed)'));
  });

  it('should call anything after the abort a timeout', () => {
    expect(networkFailure(systemError({ code: 'ECONNRESET' }), AbortSignal.abort(), proxy)).toEqual(
      transient('timed out'),
    );
  });
});
