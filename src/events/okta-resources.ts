import { asObject } from './debug-data';
import { OktaResource } from './okta-log-event.types';

const NONE: OktaResource = { id: null, alternateId: null, displayName: null, type: null };

/** An actor or target as the card shows it: id, alternate id, display name, type. */
export function toResource(value: unknown): OktaResource {
  const raw = asObject(value);
  if (Object.keys(raw).length === 0) return NONE;
  return {
    id: text(raw.id),
    alternateId: text(raw.alternateId),
    displayName: text(raw.displayName),
    type: text(raw.type),
  };
}

/** The event's targets of one type (`User`, `MobilePhone`...). */
export function targetsOfType(target: unknown, type: string): unknown[] {
  return Array.isArray(target) ? target.filter((t) => asObject(t).type === type) : [];
}

/**
 * The Okta user an event is about: its `User` target, else the actor when the actor is a user
 * (a person signing in acts on their own behalf).
 */
export function oktaUserOf(event: { actor?: unknown; target?: unknown }): OktaResource {
  const [user] = targetsOfType(event.target, 'User');
  if (user) return toResource(user);
  const actor = toResource(event.actor);
  return actor.type === 'User' ? actor : NONE;
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  return typeof value === 'number' ? String(value) : null;
}
