import { validateConfig } from '../../config/validate-config';
import { GenericHttpConfig } from './generic-http.config';

/** A provider block as the YAML file would give it, validated the way the boot does. */
const load = (block: Record<string, unknown>) =>
  validateConfig({
    routing: { default: ['gw'] },
    providers: {
      gw: {
        type: 'http',
        baseUrl: 'https://sms.example.com',
        channels: ['sms'],
        template: { to: '{{to}}', text: '{{text}}' },
        ...block,
      },
    },
  });

describe('genericHttpVendor.check', () => {
  it('should load a JSON template as written, nested lists and scalars included', () => {
    const template = { msg: { to: ['{{to}}'], body: '{{text}}', flash: false, ttl: 300 } };

    const { config, problems } = load({ template, response: { messageIdPath: 'id' } });

    expect(problems).toEqual([]);
    const gw = config.providers.gw as GenericHttpConfig;
    expect(gw.template).toEqual(template);
    expect(gw.method).toBe('POST');
    expect(gw.format).toBe('json');
  });

  it.each([
    [
      'no channels',
      { channels: undefined },
      'providers.gw.channels: list the channels explicitly; a generic vendor does what its template says',
    ],
    [
      'no base URL',
      { baseUrl: undefined },
      'providers.gw.baseUrl: the http vendor needs `baseUrl`',
    ],
    [
      'an unknown placeholder in the template',
      { template: { to: '{{phone}}' } },
      'providers.gw.template: unknown placeholder {{phone}}',
    ],
    [
      'an unknown placeholder in a header',
      { headers: { 'X-A': '{{secret}}' } },
      'providers.gw.headers: unknown placeholder {{secret}}',
    ],
    [
      'an unknown placeholder in the path',
      { path: '/s/{{ number }}' },
      'providers.gw.path: unknown placeholder {{number}}',
    ],
    [
      '{{from}} without from',
      { template: { from: '{{from}}' } },
      'providers.gw.from: the request uses {{from}}, so `from` must be set',
    ],
    [
      'a header with a line break',
      { headers: { 'X-A': 'a\r\nb' } },
      'providers.gw.headers.X-A: must be text on one line',
    ],
    [
      'a header that is not text',
      { headers: { 'X-A': 5 } },
      'providers.gw.headers.X-A: must be text on one line',
    ],
    [
      'a bad header name',
      { headers: { 'X A': 'b' } },
      'providers.gw.headers: a header name is not a valid HTTP token',
    ],
    [
      'no template',
      { template: undefined },
      'providers.gw.template: needs the request body as a mapping (or a list, for json)',
    ],
    [
      'a nested form template',
      { format: 'form', template: { a: { b: 'c' } } },
      'providers.gw.template: a form body is a mapping of field to text',
    ],
    [
      'a body on GET',
      { method: 'GET' },
      'providers.gw.template: a GET request has no body; put fields in path',
    ],
    [
      'an unknown format',
      { format: 'xml' },
      'providers.gw.format: must be one of the following values: json, form',
    ],
    [
      'a bad status',
      { response: { transient: [99] } },
      'providers.gw.response.transient: each value must not be less than 100',
    ],
    [
      'a bad dot path',
      { response: { messageIdPath: 'a..b' } },
      'providers.gw.response.messageIdPath: must be a dot path such as messages.0.id',
    ],
  ])('should refuse %s', (_name, block, problem) => {
    expect(load(block).problems).toEqual([problem]);
  });
});
