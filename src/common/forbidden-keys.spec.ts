import { hasForbiddenKey } from './forbidden-keys';

describe('hasForbiddenKey', () => {
  it.each([
    ['a plain body', '{"eventId":"e1","data":{"messageProfile":{"phoneNumber":"+15551234567"}}}'],
    ['scalars and arrays', '[1,"__proto__",null,true,{"a":[{"b":2}]}]'],
    ['a constructor without prototype', '{"constructor":{"name":"x"}}'],
    ['a constructor that is a string', '{"constructor":"prototype"}'],
    ['a prototype key alone', '{"prototype":{}}'],
  ])('should accept %s', (_name, json) => {
    expect(hasForbiddenKey(JSON.parse(json))).toBe(false);
  });

  it.each([
    ['__proto__ at the top', '{"__proto__":{"admin":true}}'],
    ['__proto__ deep in an array', '{"a":[{"b":[{"__proto__":1}]}]}'],
    ['an escaped __proto__', '{"\\u005f_proto__":{}}'],
    ['constructor.prototype', '{"data":{"constructor":{"prototype":{"admin":true}}}}'],
    ['an escaped constructor.prototype', '{"c\\u006fnstructor":{"pr\\u006ftotype":1}}'],
  ])('should find %s', (_name, json) => {
    expect(hasForbiddenKey(JSON.parse(json))).toBe(true);
  });
});
