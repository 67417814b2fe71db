/**
 * Last line of defence for free text headed to a log (error messages we did not write): hides
 * every run of four or more digits, which covers codes and phone numbers in any format.
 */
export function scrubDigits(text: string): string {
  return text.replace(/\+?\d(?:[\s.()-]?\d){3,}/g, '[redacted]');
}
