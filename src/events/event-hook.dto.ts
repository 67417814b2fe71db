import { ApiErrorCause } from '../common/api-error';
import { optionalString, Problems, requiredObject, requiredString } from '../common/body-checks';

/** Most events one delivery may carry. */
const MAX_EVENTS = 1000;
/** Problems named in one answer; a delivery of a thousand bad events is told about ten. */
const MAX_PROBLEMS = 10;

/**
 * Every problem of `body` as an event hook delivery (okta-contract.md §4.2), at most
 * {@link MAX_PROBLEMS}: only `data.events[]` with each event's `uuid` and `eventType` are
 * required; fields Okta may add are kept and ignored. A plain function rather than class-validator
 * decorators, which copied every field of every event (a 4 MiB delivery took seconds of CPU).
 */
export function eventHookProblems(body: unknown): ApiErrorCause[] {
  const problems: Problems = [];
  const root = requiredObject(problems, body, 'body');
  if (!root) return problems;
  for (const key of ['eventType', 'eventTypeVersion', 'cloudEventsVersion', 'contentType']) {
    optionalString(problems, root, key, '');
  }
  optionalString(problems, root, 'source', '', 1024);
  optionalString(problems, root, 'eventId', '', 128);
  optionalString(problems, root, 'eventTime', '', 64);
  const data = requiredObject(problems, root.data, 'data');
  if (data) checkEvents(problems, data.events);
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { location: 'data.events', reason: `and ${more} more` },
  ];
}

function checkEvents(problems: Problems, events: unknown): void {
  if (!Array.isArray(events)) {
    problems.push({ location: 'data.events', reason: 'events must be an array' });
    return;
  }
  if (events.length > MAX_EVENTS) {
    problems.push({
      location: 'data.events',
      reason: `events must contain no more than ${MAX_EVENTS} elements`,
    });
    return;
  }
  events.forEach((value: unknown, i) => {
    const at = `data.events.${i}`;
    const event = requiredObject(problems, value, at);
    if (!event) return;
    requiredString(problems, event, 'uuid', at, 128);
    requiredString(problems, event, 'eventType', at, 256);
  });
}
