import { Output, TextStream } from './output';
import { redactor } from './redact';

class Buffered implements TextStream {
  text = '';
  constructor(readonly isTTY: boolean) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

describe(Output.name, () => {
  const terminal = (tty: boolean) => ({ stdout: new Buffered(tty), stderr: new Buffered(tty) });

  it('should colour only on a terminal, and never with NO_COLOR or TERM=dumb', () => {
    expect(Output.for(terminal(true), {}).colour).toBe(true);
    expect(Output.for(terminal(false), {}).colour).toBe(false);
    expect(Output.for(terminal(true), { NO_COLOR: '1' }).colour).toBe(false);
    expect(Output.for(terminal(true), { TERM: 'dumb' }).colour).toBe(false);
  });

  it('should write plain marks without colour, and ANSI colours with it', () => {
    const plain = Output.for(terminal(false), {});
    const coloured = Output.for(terminal(true), {});

    expect(plain.good('ok')).toBe('✔ ok');
    expect(plain.bad('no')).toBe('✖ no');
    expect(coloured.good('ok')).toBe('\u001b[32m✔\u001b[39m ok');
  });

  it('should pad a table to its longest label', () => {
    const out = terminal(false);
    const sut = Output.for(out, {});

    sut.table([
      ['status', 'SUCCESSFUL'],
      ['transactionId', 'SM1'],
    ]);

    expect(out.stdout.text).toBe('  status         SUCCESSFUL\n  transactionId  SM1\n');
  });

  it('should pad columns to their widest cell under the header, with no trailing space', () => {
    const out = terminal(false);
    const sut = Output.for(out, {});

    sut.columns(
      ['STATUS', 'TO', 'CAUSE'],
      [
        ['delivered', '+1********71', ''],
        ['blocked', '+371*******56', 'country-deny'],
      ],
    );

    expect(out.stdout.text).toBe(
      'STATUS     TO             CAUSE\n' +
        'delivered  +1********71\n' +
        'blocked    +371*******56  country-deny\n',
    );
  });
});

describe(redactor.name, () => {
  it('should hide the values it was given in every string of an answer, and leave numbers alone', () => {
    const sut = redactor(['480213', '14155552671', '12']);

    expect(sut({ a: 'code 480213 to +14155552671', b: [480213, 'x480213y'], c: null })).toEqual({
      a: 'code [redacted] to +[redacted]',
      b: [480213, 'x[redacted]y'],
      c: null,
    });
  });
});
