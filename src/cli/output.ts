import { styleText } from 'node:util';

/** Where `otg` writes: process.stdout and process.stderr, or a test's buffers. */
export interface Terminal {
  readonly stdout: TextStream;
  readonly stderr: TextStream;
}

export interface TextStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

type Style = Parameters<typeof styleText>[0];

/**
 * Text for people or JSON for pipelines. Colours only on a terminal, never with `NO_COLOR` set
 * (https://no-color.org) or `--no-color`; JSON is one document on stdout.
 */
export class Output {
  /** Set by `--json`. */
  json = false;

  constructor(
    private readonly terminal: Terminal,
    /** Cleared by `--no-color`. */
    public colour: boolean,
  ) {}

  static for(terminal: Terminal, env: Readonly<Record<string, string | undefined>>): Output {
    const colour = terminal.stdout.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
    return new Output(terminal, colour);
  }

  line(text = ''): void {
    this.terminal.stdout.write(`${text}\n`);
  }

  /** Pretty JSON on stdout, the whole result of a `--json` command. */
  document(value: unknown): void {
    this.terminal.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A line for stderr (errors, warnings that must not pollute a JSON stdout). */
  problem(text: string): void {
    this.terminal.stderr.write(`${text}\n`);
  }

  style(style: Style, text: string): string {
    return this.colour ? styleText(style, text, { validateStream: false }) : text;
  }

  good(text: string): string {
    return `${this.style('green', '✔')} ${text}`;
  }

  bad(text: string): string {
    return `${this.style('red', '✖')} ${text}`;
  }

  note(text: string): string {
    return `${this.style('yellow', '!')} ${text}`;
  }

  dim(text: string): string {
    return this.style('dim', text);
  }

  /** A table under a dim header row, each column padded to its widest cell. */
  columns(header: readonly string[], rows: readonly (readonly string[])[]): void {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const row = (cells: readonly string[]) =>
      cells
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    this.line(this.dim(row(header)));
    for (const cells of rows) this.line(row(cells));
  }

  /** Two columns, the labels padded to the longest. */
  table(rows: readonly (readonly [string, string])[], indent = '  '): void {
    const width = Math.max(0, ...rows.map(([label]) => label.length));
    for (const [label, value] of rows)
      this.line(`${indent}${this.dim(label.padEnd(width))}  ${value}`);
  }
}
