import { applyProxyEnvironment } from './proxy-environment';

describe(applyProxyEnvironment.name, () => {
  it('should fill outbound from the proxy variables, lower case first', () => {
    const tree: Record<string, unknown> = { server: { port: 0 } };

    applyProxyEnvironment(tree, {
      HTTPS_PROXY: 'http://upper:1',
      https_proxy: 'http://lower:2',
      HTTP_PROXY: 'http://upper:3',
      NO_PROXY: 'localhost',
    });

    expect(tree).toEqual({
      server: { port: 0 },
      outbound: { httpsProxy: 'http://lower:2', httpProxy: 'http://upper:3', noProxy: 'localhost' },
    });
  });

  it('should keep what the file says, even an empty value, and ignore empty variables', () => {
    const tree = { outbound: { httpsProxy: '' } };

    applyProxyEnvironment(tree, { HTTPS_PROXY: 'http://env:1', http_proxy: '', NO_PROXY: '' });

    expect(tree).toEqual({ outbound: { httpsProxy: '' } });
  });

  it('should leave a file without outbound, and a malformed one, as they are', () => {
    const plain = { server: {} };
    const odd = { outbound: 'yes' };

    applyProxyEnvironment(plain, {});
    applyProxyEnvironment(odd, { HTTPS_PROXY: 'http://env:1' });

    expect(plain).toEqual({ server: {} });
    expect(odd).toEqual({ outbound: 'yes' });
  });
});
