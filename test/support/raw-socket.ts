import { connect, Socket } from 'node:net';

/** What came back on one raw connection, once the server closed it. */
export interface RawAnswer {
  /** Everything the server wrote. */
  readonly text: string;
  /** The status of the HTTP answer in it, 0 when there was none. */
  readonly status: number;
  /** Milliseconds from connecting to the close. */
  readonly closedAfterMs: number;
}

/**
 * A connection to the gateway that writes exactly what the test says, when it says: requests
 * that no HTTP client library would send (bytes one at a time, a body that never ends).
 */
export class RawClient {
  private text = '';
  private readonly startedAt = Date.now();
  readonly closed: Promise<RawAnswer>;
  readonly connected: Promise<void>;
  private readonly socket: Socket;

  constructor(url: string) {
    const { hostname, port } = new URL(url);
    this.socket = connect(Number(port), hostname);
    this.connected = new Promise((resolve) => this.socket.once('connect', () => resolve()));
    this.socket.on('data', (chunk: Buffer) => (this.text += chunk.toString('utf8')));
    this.closed = new Promise((resolve) => {
      this.socket.on('close', () =>
        resolve({
          text: this.text,
          status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(this.text)?.[1] ?? 0),
          closedAfterMs: Date.now() - this.startedAt,
        }),
      );
    });
    this.socket.on('error', () => undefined); // a reset shows as the close
  }

  /** Resolves once the server has written `pattern` (an answer), while the socket stays open. */
  async received(pattern: RegExp): Promise<string> {
    for (let i = 0; i < 500 && !pattern.test(this.text) && !this.socket.destroyed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.text;
  }

  write(text: string): void {
    if (!this.socket.destroyed) this.socket.write(text);
  }

  /** Writes `text` one byte every `intervalMs` until it is all sent or the server closes. */
  async trickle(text: string, intervalMs: number): Promise<void> {
    for (const byte of text) {
      if (this.socket.destroyed || this.socket.readyState !== 'open') return;
      this.socket.write(byte);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  get isOpen(): boolean {
    return !this.socket.destroyed && this.socket.readyState === 'open';
  }

  destroy(): void {
    this.socket.destroy();
  }
}
