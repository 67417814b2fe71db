import { FastifyReply } from 'fastify';

/**
 * The console's pages may load their own style sheet and script and submit forms to
 * themselves; nothing else: no inline script or style, no other origin, no framing.
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** What a console route answers: a page, or a redirect (303: the browser follows with a GET). */
export type PageAnswer =
  | { readonly status: number; readonly html: string; readonly cookies?: readonly string[] }
  | { readonly redirect: string; readonly cookies?: readonly string[] };

export function page(status: number, html: string): PageAnswer {
  return { status, html };
}

export function redirect(to: string, cookies: readonly string[] = []): PageAnswer {
  return { redirect: to, cookies };
}

/** Writes the answer with the console's headers (the security headers are already set). */
export async function send(reply: FastifyReply, answer: PageAnswer): Promise<void> {
  if (answer.cookies?.length) void reply.header('set-cookie', [...answer.cookies]);
  if ('redirect' in answer) {
    await reply.code(303).header('location', answer.redirect).send();
    return;
  }
  await reply
    .code(answer.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CONSOLE_CSP)
    .send(answer.html);
}
