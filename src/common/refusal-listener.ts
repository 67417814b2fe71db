import { FastifyRequest } from 'fastify';

/**
 * Told of every request answered with an error, by the one place that answers them
 * (ApiErrorFilter): a feature counts the refusals of its own routes (the telephony hook's
 * metrics). Whatever refused the request, a guard, a pipe or the body parser, it is told here.
 */
export interface RefusalListener {
  refused(request: FastifyRequest, status: number): void;
}

/** The listeners, as an array; provided by the composition root. */
export const REFUSAL_LISTENERS = Symbol('REFUSAL_LISTENERS');

/** Why each refused request was refused, when whoever refused it said so. */
const reasons = new WeakMap<FastifyRequest, string>();

/**
 * Remembers why this request is being refused (a class of cause such as `wrong secret`, never
 * a value), for the listeners to read; called by the one that refuses it, before it throws.
 */
export function noteRefusalReason(request: FastifyRequest, reason: string): void {
  reasons.set(request, reason);
}

/** The reason noted for this request, if any. */
export function refusalReasonOf(request: FastifyRequest): string | undefined {
  return reasons.get(request);
}
