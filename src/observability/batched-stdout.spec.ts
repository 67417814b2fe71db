import { setImmediate as nextTurn } from 'node:timers/promises';
import { BatchedStdout } from './batched-stdout';

function fakeDestination() {
  const written: string[] = [];
  return {
    written,
    out: { write: (text: string) => written.push(text) > 0, flushSync: () => undefined },
  };
}

describe(BatchedStdout.name, () => {
  it('should hand the lines of one turn of the event loop to the destination in one write', async () => {
    const { written, out } = fakeDestination();
    const sut = new BatchedStdout(out, () => undefined);

    sut.write('{"msg":"a"}\n');
    sut.write('{"msg":"b"}\n');
    await nextTurn();
    sut.write('{"msg":"c"}\n');
    await nextTurn();

    expect(written).toEqual(['{"msg":"a"}\n{"msg":"b"}\n', '{"msg":"c"}\n']);
  });

  it('should write what is pending when the process exits', () => {
    const { written, out } = fakeDestination();
    let exit = (): void => undefined;
    const sut = new BatchedStdout(out, (flush) => (exit = flush));

    sut.write('{"msg":"stopped"}\n');
    exit();

    expect(written).toEqual(['{"msg":"stopped"}\n']);
  });
});
