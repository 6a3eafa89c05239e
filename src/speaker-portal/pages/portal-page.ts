import { FastifyReply, FastifyRequest } from 'fastify';
import { h, VNode } from 'preact';
import { QueryParameters } from '../../calendar/feed-parameters';
import { PageContext } from '../../site/site-context';
import { HTML, pageContext, pageHeaders, PRIVATE_PAGE } from '../../site/site-request';
import { CsrfField } from './portal-layout';

/** The speaker's pages in the site's languages (`?lang=`, Accept-Language, English), linked as the site links. */
export function portalContext(request: FastifyRequest, query: QueryParameters, publicBaseUrl: string): PageContext {
  return pageContext(request, query, publicBaseUrl);
}

/**
 * Sends a speaker's page: the site's security headers, kept by no cache (it shows one person's
 * private details and a CSRF token) and by no search engine.
 */
export function sendPortalPage(reply: FastifyReply, context: PageContext, body: string, status = 200): void {
  pageHeaders(reply, context)
    .code(status)
    .header('cache-control', PRIVATE_PAGE)
    .header('x-robots-tag', 'noindex')
    .header('content-type', HTML)
    .send(body);
}

/** The signed-in speaker of this request, or null after answering with a redirect to the page that says how to sign in. */
export function portalSpeaker(request: FastifyRequest, reply: FastifyReply, context: PageContext): number | null {
  const speakerId = request.viewer?.speakerId ?? null;
  if (speakerId !== null) return speakerId;
  reply.header('cache-control', PRIVATE_PAGE).redirect(context.addresses.page('/me/sign-in'), 303);
  return null;
}

/** After a form is handled, back to the page that shows its result (303: the browser asks for it with GET). */
export function redirectAfterPost(reply: FastifyReply, context: PageContext, path: string, query?: URLSearchParams): void {
  reply.header('cache-control', PRIVATE_PAGE).redirect(context.addresses.page(path, query), 303);
}

/** The hidden CSRF field of a form, from the token the controller was given. */
export function csrfField(token: string): VNode<{ token: string }> {
  return h(CsrfField, { token });
}
