/** The marker that starts the reason in a skipped title (skip-reporter.js). */
export declare const SKIP_MARK: string;
