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
