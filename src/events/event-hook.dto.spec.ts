import { eventHookProblems } from './event-hook.dto';

const event = (fields: Record<string, unknown> = {}) => ({
  uuid: 'u-1',
  eventType: 'system.sms.send_phone_verification_message',
  actor: { id: '00u1', nested: [[{ deeper: true }]] },
  ...fields,
});

describe(eventHookProblems.name, () => {
  it('should take a delivery with events, keeping fields Okta may add', () => {
    expect(
      eventHookProblems({ eventId: 'e', source: 's', data: { events: [event(), event()] }, x: 1 }),
    ).toEqual([]);
    expect(eventHookProblems({ data: { events: [] } })).toEqual([]);
  });

  it.each([
    ['a body that is not an object', [1], [{ location: 'body', reason: 'body must be an object' }]],
    ['no data', {}, [{ location: 'data', reason: 'data must be an object' }]],
    [
      'events that are not an array',
      { data: { events: {} } },
      [{ location: 'data.events', reason: 'events must be an array' }],
    ],
    [
      'more than 1000 events',
      { data: { events: Array.from({ length: 1001 }, () => event()) } },
      [{ location: 'data.events', reason: 'events must contain no more than 1000 elements' }],
    ],
    [
      'an event without uuid, one whose type is not text, one that is not an object',
      { data: { events: [event({ uuid: undefined }), event({ eventType: 7 }), 'x'] } },
      [
        { location: 'data.events.0.uuid', reason: 'uuid should not be empty' },
        { location: 'data.events.1.eventType', reason: 'eventType must be a string' },
        { location: 'data.events.2', reason: 'data.events.2 must be an object' },
      ],
    ],
    [
      'a source over 1024 characters',
      { source: 's'.repeat(1025), data: { events: [] } },
      [{ location: 'source', reason: 'source must be shorter than or equal to 1024 characters' }],
    ],
  ])('should refuse %s', (_name, body, problems) => {
    expect(eventHookProblems(body)).toEqual(problems);
  });

  it('should name ten problems of a thousand bad events, and count the rest', () => {
    const problems = eventHookProblems({ data: { events: Array.from({ length: 1000 }, () => 7) } });

    expect(problems).toHaveLength(11);
    expect(problems[10]).toEqual({ location: 'data.events', reason: 'and 990 more' });
  });
});
