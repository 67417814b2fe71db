/** Who is signed in to the console, as the session keeps it (no token is kept). */
export interface ConsoleUser {
  /** The ID token's `sub`. */
  readonly subject: string;
  /** What the audit log calls them: email, else preferred_username, else sub. */
  readonly name: string;
  /** The allowed groups they are in. */
  readonly groups: readonly string[];
}

/** A console session in the shared store. */
export interface ConsoleSession {
  readonly user: ConsoleUser;
  /** Sign-in time and last use, ms since the epoch. */
  readonly createdAt: number;
  readonly seenAt: number;
  /** The synchroniser token every state-changing request must carry. */
  readonly csrf: string;
}

/** Not signed in (or the session is over): pages send the browser to sign in. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('sign-in required');
  }
}

/** Signed in, but this request may not proceed (a failed CSRF check, a group left). */
export class ConsoleRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    readonly title: string,
    readonly explanation: string,
  ) {
    super(title);
  }
}
