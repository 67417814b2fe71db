/** The path a `path: what is wrong` problem line is about. */
export function pathOf(problem: string): string {
  const end = problem.indexOf(': ');
  return end < 0 ? problem : problem.slice(0, end);
}

/** Whether `path` is `section` or lies inside it (`section.key`, `section[0]`). */
export function isWithin(path: string, section: string): boolean {
  return path === section || path.startsWith(`${section}.`) || path.startsWith(`${section}[`);
}

/** A predicate telling whether a section has a problem of its own, so that rules reading it skip it. */
export function brokenSections(problems: readonly string[]): (section: string) => boolean {
  const paths = problems.map(pathOf);
  return (section) =>
    paths.some((path) => path === '(root)' || isWithin(path, section) || isWithin(section, path));
}

/**
 * Drops what follows from an unset environment variable: a problem at the path where the
 * variable was substituted, inside it, or around it (an empty secret list, a malformed SID) is
 * the same mistake, already told by the "is not set" line.
 */
export function withoutFollowOns(problems: readonly string[], causes: readonly string[]): string[] {
  return problems.filter((problem) => {
    const path = pathOf(problem);
    return !causes.some((cause) => isWithin(path, cause) || isWithin(cause, path));
  });
}
