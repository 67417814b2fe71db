import { DAY, HOUR, LegitCategory, REQUEST_TYPES, SimRequest } from './model';
import { mobileNumber } from './numbers';
import { OFFICE_IP, Population, User } from './population';
import { Random } from './random';

/** What real people do, per day (README: the legitimate traffic). */
const SIGN_IN_WEEKDAY = 0.45;
const SIGN_IN_WEEKEND = 0.1;
const RESEND = 0.06;
const VERIFIED = 0.97;
const PASSWORD_RESET = 0.02;
const PHONE_CHANGE = 0.0007;
const NEW_HIRES_PER_USER = 0.0008;
/** Enrollments that start with a mistyped number: a few codes that never arrive, then the right one. */
const TYPO = 0.05;

/** A seeded stream of legitimate requests over `days` days. */
export function legitimateTraffic(
  random: Random,
  population: Population,
  days: number,
): SimRequest[] {
  const requests: SimRequest[] = [];
  for (let day = 0; day < days; day++) {
    const weekend = day % 7 >= 5;
    // Day 0 stands for the weeks the gateway ran before: everyone signs in once.
    const signIn = day === 0 ? 1 : weekend ? SIGN_IN_WEEKEND : SIGN_IN_WEEKDAY;
    for (const user of [...population.users]) {
      if (random.chance(signIn)) {
        requests.push(...signInSession(random, population, user, day, weekend));
      }
      if (random.chance(PHONE_CHANGE)) requests.push(...phoneChange(random, population, user, day));
    }
    const hires = Math.round(population.users.length * NEW_HIRES_PER_USER + random.next() - 0.5);
    for (let i = 0; i < hires; i++) requests.push(...newHire(random, population, day));
  }
  return requests;
}

/** A moment in the user's working day, as simulated ms since the start. */
function workingHour(random: Random, user: User, day: number): number {
  const local = (7 + random.next() * 11) * HOUR;
  return Math.max(0, day * DAY + local - user.offsetHours * HOUR);
}

function signInSession(
  random: Random,
  population: Population,
  user: User,
  day: number,
  weekend: boolean,
): SimRequest[] {
  const atOffice = user.office && !weekend && random.chance(0.9);
  const ip = atOffice ? OFFICE_IP : population.remoteIp(user);
  const reset = random.chance(PASSWORD_RESET);
  const category: LegitCategory = reset
    ? 'password-reset'
    : atOffice
      ? 'sign-in-office'
      : 'sign-in';
  const type = reset ? REQUEST_TYPES.passwordReset : REQUEST_TYPES.signIn;
  // Okta reports no factor verification for a password reset: its codes never count as verified.
  return session(random, user, workingHour(random, user, day), ip, type, category, !reset);
}

function phoneChange(
  random: Random,
  population: Population,
  user: User,
  day: number,
): SimRequest[] {
  user.phone = mobileNumber(random, user.country);
  const ip = population.remoteIp(user);
  return enrollment(random, user, workingHour(random, user, day), ip, 'phone-change');
}

function newHire(random: Random, population: Population, day: number): SimRequest[] {
  const country = population.country();
  const office = country === 'GB' && random.chance(0.5);
  const user = population.newUser(country, office);
  population.users.push(user);
  const at = workingHour(random, user, day);
  const category = office ? 'new-hire-office' : 'new-hire-remote';
  return enrollment(random, user, at, office ? OFFICE_IP : user.home, category);
}

/** An enrollment; now and then the person first types a wrong number and asks again and again. */
function enrollment(
  random: Random,
  user: User,
  at: number,
  ip: string,
  category: LegitCategory,
): SimRequest[] {
  const type = REQUEST_TYPES.enrollment;
  if (!random.chance(TYPO)) return session(random, user, at, ip, type, category, true);
  const wrong = { ...user, phone: mobileNumber(random, user.country) };
  const typos: SimRequest[] = [];
  let next = at;
  for (let i = random.int(2, 4); i > 0; i--) {
    typos.push(...session(random, wrong, next, ip, type, 'typo', false).slice(0, 1));
    next += random.int(40_000, 90_000);
  }
  return [...typos, ...session(random, user, next + 60_000, ip, type, category, true)];
}

/** One code asked for, maybe asked again half a minute later, and (usually) typed in. */
function session(
  random: Random,
  user: User,
  at: number,
  ip: string,
  requestType: string,
  category: LegitCategory,
  verifiable: boolean,
): SimRequest[] {
  const base = {
    userId: user.id,
    login: user.login,
    phone: user.phone,
    country: user.country,
    channel: user.voice ? ('voice' as const) : ('sms' as const),
    requestType,
    ip,
  };
  const verifyAfterMs = verifiable && random.chance(VERIFIED) ? humanDelay(random) : undefined;
  const typed = verifyAfterMs === undefined ? {} : { verifyAfterMs };
  if (!random.chance(RESEND)) return [{ ...base, at, source: { legit: category }, ...typed }];
  const again = at + random.int(20_000, 60_000);
  return [
    { ...base, at, source: { legit: category } },
    { ...base, at: again, source: { legit: 'resend' }, ...typed },
  ];
}

/** How long a person takes to read the code and type it in (OTPs expire after 5 minutes). */
export function humanDelay(random: Random): number {
  return Math.min(8_000 + random.exponential(25_000), 240_000);
}
