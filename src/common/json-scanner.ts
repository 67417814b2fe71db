/** Deepest nesting of arrays and objects any JSON body may have (docs/security.md). */
export const MAX_JSON_DEPTH = 64;

/** Why a body is not JSON the service will parse, and where: never any of its content. */
export interface JsonProblem {
  /** `depth`: valid so far, but nested deeper than {@link MAX_JSON_DEPTH}; `syntax`: not JSON. */
  readonly kind: 'syntax' | 'depth';
  readonly reason: string;
  /** Byte offset (0-based), line and column (1-based, columns in bytes) of the problem. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** What the scanner expects next. */
const enum State {
  Value,
  FirstValue, // a value or `]` right after `[`
  AfterValue,
  Key,
  FirstKey, // a key or `}` right after `{`
  Colon,
  String,
  Escape,
  Unicode,
  Literal,
  Number,
  Done,
}

const OBJECT = 0x7b;
const ARRAY = 0x5b;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set([...'"\\/bfnrtu'].map((c) => c.charCodeAt(0)));
const HEX = /^[0-9a-fA-F]$/;
const NUMBER_CHARS = /^[0-9+\-.eE]$/;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const TOO_DEEP = `the body is nested deeper than ${MAX_JSON_DEPTH} levels`;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LITERALS: Readonly<Record<number, string>> = { 0x74: 'true', 0x66: 'false', 0x6e: 'null' };

/**
 * Checks JSON syntax and nesting depth byte by byte, chunk by chunk as a body arrives, with no
 * recursion and constant work per byte: a body deeper than {@link MAX_JSON_DEPTH} or not JSON is
 * refused before anything parses it, and before the rest of it is read. Strings are not decoded
 * (JSON.parse does that once the scan has passed); bytes above 0x7f only ever appear in them.
 */
export class JsonScanner {
  private state = State.Value;
  private readonly stack: number[] = [];
  private inKey = false;
  private pending = ''; // the literal or number being read
  private hexLeft = 0;
  private bomBytes = 0;
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private problem?: JsonProblem;

  /** Scans the next chunk; returns the first problem found so far, if any. */
  feed(chunk: Uint8Array): JsonProblem | undefined {
    for (let i = 0; i < chunk.length && !this.problem; i++) {
      if (this.state === State.String) {
        const plain = plainRun(chunk, i);
        this.offset += plain - i;
        i = plain;
        if (i === chunk.length) break;
      }
      const byte = chunk[i];
      const reason = this.step(byte);
      if (reason) this.fail(reason);
      else this.advance(byte);
    }
    return this.problem;
  }

  /** Ends the body: the problem, or undefined when it was one complete JSON value. */
  end(): JsonProblem | undefined {
    if (this.problem) return this.problem;
    const number = this.state === State.Number ? this.endNumber() : undefined;
    if (number) return this.fail(number);
    if (this.state === State.Done) return undefined;
    if (this.offset === 0 || (this.state === State.Value && this.stack.length === 0)) {
      return this.fail('the body is empty');
    }
    const inString = this.state === State.String || this.state === State.Escape;
    return this.fail(inString ? 'a string is not closed' : 'the body ends before the JSON does');
  }

  private fail(reason: string): JsonProblem {
    const column = this.offset - this.lineStart + 1;
    const kind = reason === TOO_DEEP ? 'depth' : 'syntax';
    this.problem = { kind, reason, offset: this.offset, line: this.line, column };
    return this.problem;
  }

  private advance(byte: number): void {
    this.offset++;
    if (byte === 0x0a) {
      this.line++;
      this.lineStart = this.offset;
    }
  }

  /** One byte in the current state; a reason when it cannot be there. */
  private step(byte: number): string | undefined {
    switch (this.state) {
      case State.String:
        return this.inString(byte);
      case State.Escape:
        if (!ESCAPES.has(byte)) return 'a string has an invalid escape sequence';
        this.state = byte === 0x75 ? State.Unicode : State.String;
        this.hexLeft = 4;
        return undefined;
      case State.Unicode:
        if (!HEX.test(String.fromCharCode(byte))) return 'a \\u escape needs four hex digits';
        if (--this.hexLeft === 0) this.state = State.String;
        return undefined;
      case State.Literal:
        return this.inLiteral(byte);
      case State.Number:
        if (NUMBER_CHARS.test(String.fromCharCode(byte))) {
          this.pending += String.fromCharCode(byte);
          return this.pending.length > 400 ? 'a number is too long' : undefined;
        }
        return this.endNumber() ?? this.step(byte);
      case State.Value:
      case State.FirstValue:
      case State.Key:
      case State.FirstKey:
      case State.Colon:
      case State.AfterValue:
      case State.Done:
        return this.betweenTokens(byte);
    }
  }

  private betweenTokens(byte: number): string | undefined {
    if (WHITESPACE.has(byte)) return undefined;
    if (this.offset === this.bomBytes && byte === UTF8_BOM[this.offset]) {
      this.bomBytes++;
      return undefined;
    }
    return this.structural(byte);
  }

  private inString(byte: number): string | undefined {
    if (byte === 0x22) {
      this.state = this.inKey ? State.Colon : this.afterValue();
      return undefined;
    }
    if (byte === 0x5c) this.state = State.Escape;
    else if (byte < 0x20) return 'a string contains a control character';
    return undefined;
  }

  private inLiteral(byte: number): string | undefined {
    const word = LITERALS[this.pending.charCodeAt(0)];
    if (byte !== word.charCodeAt(this.pending.length)) return 'expected a JSON value';
    this.pending += String.fromCharCode(byte);
    if (this.pending.length === word.length) this.state = this.afterValue();
    return undefined;
  }

  private endNumber(): string | undefined {
    if (!NUMBER.test(this.pending)) return 'a number is not valid';
    this.state = this.afterValue();
    return undefined;
  }

  /** A byte outside strings, literals and numbers, and not whitespace. */
  private structural(byte: number): string | undefined {
    const state = this.state;
    if (state === State.Value || state === State.FirstValue) {
      return byte === 0x5d && state === State.FirstValue ? this.close() : this.value(byte);
    }
    if (state === State.Key || state === State.FirstKey) {
      if (byte === 0x7d && state === State.FirstKey) return this.close();
      if (byte !== 0x22) return 'expected a property name in double quotes';
      this.inKey = true;
      this.state = State.String;
      return undefined;
    }
    if (state === State.Colon) {
      if (byte !== 0x3a) return "expected ':' after a property name";
      this.state = State.Value;
      return undefined;
    }
    if (state === State.AfterValue) return this.afterValueByte(byte);
    return 'unexpected data after the JSON value';
  }

  private value(byte: number): string | undefined {
    this.inKey = false;
    if (byte === OBJECT || byte === ARRAY) {
      if (this.stack.length >= MAX_JSON_DEPTH) return TOO_DEEP;
      this.stack.push(byte);
      this.state = byte === OBJECT ? State.FirstKey : State.FirstValue;
    } else if (byte === 0x22) {
      this.state = State.String;
    } else if (byte === 0x2d || (byte >= 0x30 && byte <= 0x39)) {
      this.pending = String.fromCharCode(byte);
      this.state = State.Number;
    } else if (LITERALS[byte]) {
      this.pending = String.fromCharCode(byte);
      this.state = State.Literal;
    } else {
      return 'expected a JSON value';
    }
    return undefined;
  }

  private afterValueByte(byte: number): string | undefined {
    const open = this.stack[this.stack.length - 1];
    if (byte === 0x2c) {
      this.state = open === OBJECT ? State.Key : State.Value;
      return undefined;
    }
    if ((open === OBJECT && byte === 0x7d) || (open === ARRAY && byte === 0x5d)) {
      return this.close();
    }
    return open === OBJECT ? "expected ',' or '}'" : "expected ',' or ']'";
  }

  private close(): undefined {
    this.stack.pop();
    this.state = this.afterValue();
    return undefined;
  }

  private afterValue(): State {
    return this.stack.length === 0 ? State.Done : State.AfterValue;
  }
}

/** Index of the first byte from `from` that ends a run of plain string bytes (no quote, backslash or control). */
function plainRun(chunk: Uint8Array, from: number): number {
  let i = from;
  while (i < chunk.length) {
    const byte = chunk[i];
    if (byte === 0x22 || byte === 0x5c || byte < 0x20) break;
    i++;
  }
  return i;
}
