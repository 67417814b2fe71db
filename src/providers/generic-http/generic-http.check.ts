import { requireKeys } from '../kit/vendor-checks';
import { GenericHttpConfig } from './generic-http.config';
import { hasLineBreak, placeholdersIn, unknownPlaceholders } from './generic-http.template';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Boot problems of a generic HTTP provider block, as `key: what is wrong`. */
export function checkGenericHttp(config: GenericHttpConfig): string[] {
  const problems = requireKeys(config, ['baseUrl'], 'the http vendor');
  if (!config.channels) {
    problems.push(
      'channels: list the channels explicitly; a generic vendor does what its template says',
    );
  }
  problems.push(...checkHeaders(config.headers ?? {}), ...checkTemplate(config));
  const parts: [string, unknown][] = [
    ['path', config.path],
    ['headers', config.headers],
    ['template', config.template],
  ];
  for (const [key, part] of parts) {
    for (const name of unknownPlaceholders(part)) {
      problems.push(`${key}: unknown placeholder {{${name}}}`);
    }
  }
  if (!config.from && parts.some(([, part]) => placeholdersIn(part).includes('from'))) {
    problems.push('from: the request uses {{from}}, so `from` must be set');
  }
  return problems;
}

function checkHeaders(headers: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(headers).flatMap(([name, value]) => {
    if (!HEADER_NAME.test(name)) return ['headers: a header name is not a valid HTTP token'];
    if (typeof value !== 'string' || hasLineBreak(value)) {
      return [`headers.${name}: must be text on one line`];
    }
    return [];
  });
}

function checkTemplate(config: GenericHttpConfig): string[] {
  const { template, method, format } = config;
  if (method === 'GET') {
    return template === undefined
      ? []
      : ['template: a GET request has no body; put fields in path'];
  }
  if (template === null || typeof template !== 'object') {
    return ['template: needs the request body as a mapping (or a list, for json)'];
  }
  if (format === 'form') {
    const scalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
    if (Array.isArray(template) || !Object.values(template).every(scalar)) {
      return ['template: a form body is a mapping of field to text'];
    }
  }
  return [];
}
