import { writeSync } from 'node:fs';
import pino, { DestinationStream } from 'pino';

type SonicBoom = ReturnType<typeof pino.destination>;

/**
 * stdout for the process's pino logger: the lines written during one turn of the event loop are
 * joined and handed to pino's asynchronous destination once, at the end of the turn. Handing it
 * each line cost a write and a re-measure of its growing buffer per line (~8% of a hook request's
 * CPU, a fifth of its allocations); a turn under load writes dozens of lines. What is pending is
 * written synchronously when the process exits.
 */
export class BatchedStdout implements DestinationStream {
  private lines: string[] = [];
  private scheduled = false;

  constructor(
    private readonly out: Pick<SonicBoom, 'write' | 'flushSync'> = pino.destination({
      dest: 1,
      sync: false,
    }),
    atExit: (flush: () => void) => void = (flush) => process.on('exit', flush),
  ) {
    atExit(() => this.flushAtExit());
  }

  write(line: string): void {
    this.lines.push(line);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const text = this.lines.join('');
    this.lines = [];
    this.out.write(text);
  };

  /** pino's own exit hook may have ended the destination already: then straight to fd 1. */
  private flushAtExit(): void {
    const text = this.lines.join('');
    this.lines = [];
    try {
      this.out.flushSync();
      if (text) this.out.write(text);
      this.out.flushSync();
    } catch {
      if (text) writeSync(1, text);
    }
  }
}
