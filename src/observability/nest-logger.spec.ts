import { Logger } from '@nestjs/common';
import pino from 'pino';
import { Writable } from 'node:stream';
import { RequestLogStore, requestLogStorage } from './log-context';
import { PinoNestLogger } from './nest-logger';

function capture(): { lines: Record<string, unknown>[]; logger: pino.Logger } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ base: undefined, timestamp: false }, stream) };
}

describe(PinoNestLogger.name, () => {
  const app = capture();
  const sut = new PinoNestLogger(app.logger);

  beforeAll(() => {
    Logger.overrideLogger(sut);
  });
  afterAll(() => {
    Logger.overrideLogger(true);
  });
  beforeEach(() => app.lines.splice(0));

  it('should write an object and a message with the logger context', () => {
    new Logger('Auth').warn({ reason: 'wrong secret' }, 'request refused');

    expect(app.lines).toEqual([
      { level: 40, context: 'Auth', reason: 'wrong secret', msg: 'request refused' },
    ]);
  });

  it('should write a plain message with its context', () => {
    new Logger('Bootstrap').log('listening');

    expect(app.lines).toEqual([{ level: 30, context: 'Bootstrap', msg: 'listening' }]);
  });

  it("should keep Nest's error(message, stack, context) as err", () => {
    const stack = 'Error: boom\n    at somewhere (file.js:1:1)';
    sut.error('boom', stack, 'ExceptionsHandler');

    expect(app.lines).toEqual([
      {
        level: 50,
        context: 'ExceptionsHandler',
        err: { type: 'Error', message: 'boom', stack },
        msg: 'boom',
      },
    ]);
  });

  it('should write to the logger of the application serving the request', () => {
    const other = capture();

    requestLogStorage.run(new RequestLogStore(other.logger, 'r1'), () =>
      new Logger('Delivery').log({ outcome: 'sent' }, 'delivery sent'),
    );

    expect(app.lines).toEqual([]);
    expect(other.lines).toEqual([
      { level: 30, context: 'Delivery', outcome: 'sent', msg: 'delivery sent' },
    ]);
  });
});
