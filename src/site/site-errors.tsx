import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from '../common/errors';
import { HTTP_STATUS } from '../common/http-errors';
import { renderPage } from './pages/layout';
import { HTML, pageContext, pageHeaders } from './site-request';
import { interfaceLanguage } from './site-i18n';

/**
 * A mistake on a page answers a page: the status from the one table, the message naming the
 * field, in the reader's language where the site has one. Never kept by a cache.
 */
@Catch(UserError)
export class HtmlUserErrorFilter implements ExceptionFilter {
  catch(error: UserError, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const base = `${request.protocol}://${request.host}`;
    // The `lang` of the address may itself be the mistake: then the browser's language.
    let query = (request.query ?? {}) as Record<string, string>;
    try {
      interfaceLanguage(query.lang, undefined);
    } catch {
      query = {};
    }
    const context = pageContext(request, query, base);
    const status = HTTP_STATUS[error.code];
    const title = status === 404 ? context.t('error.notFound') : context.t('error.badRequest');
    const body = renderPage(
      context,
      { title, description: title },
      null,
      <>
        <h1>{title}</h1>
        <p class="error-message">{error.message}</p>
        <p>
          <a href={context.addresses.page('/')}>{context.t('error.home')}</a>
        </p>
      </>,
    );
    pageHeaders(reply, context).code(status).header('cache-control', 'no-store').header('content-type', HTML).send(body);
  }
}
