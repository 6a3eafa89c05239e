import { Args, Context, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Organiser, OrganiserRole } from '../../auth/organiser.entity';
import { PublicMutation } from '../../auth/public-mutation.decorator';
import { RequestContext } from '../../auth/request-context';
import { UserError } from '../../common/errors';
import { OpenOrganiserSessionInput, RequestOrganiserSignInLinkInput } from './organiser-session.inputs';
import { CurrentOrganiserSession, OrganiserSessions } from './organiser-sessions.service';

@ObjectType('OrganiserSession', { description: "An organiser's console session: who is signed in, and the CSRF token its requests carry." })
export class OrganiserSessionObject {
  @Field(() => Organiser, {
    description: 'Who is signed in. In the answer to openOrganiserSession it is read as the public reads it; query `me` for the rest.',
  })
  organiser: Organiser;

  @Field(() => OrganiserRole, { description: 'Their role now: ADMIN or ORGANISER.' })
  role: OrganiserRole;

  @Field({
    description:
      'Send it as the `x-csrf-token` header with every request of this session that is not a GET (every POST to /graphql): without it such a request is refused with 403.',
  })
  csrfToken: string;

  @Field(() => GraphQLDateTime, { description: 'When the session ends by itself (UTC), unless signed out before.' })
  expiresAt: Date;
}

const shown = (session: CurrentOrganiserSession): OrganiserSessionObject => ({
  organiser: session.organiser,
  role: session.organiser.role,
  csrfToken: session.csrf,
  expiresAt: session.expiresAt,
});

/** Signing in to the organiser console and out of it: a cookie session, opened by a pasted token or a mailed link. */
@Resolver(() => OrganiserSessionObject)
export class OrganiserSessionResolver {
  constructor(private readonly sessions: OrganiserSessions) {}

  @Query(() => OrganiserSessionObject, {
    nullable: true,
    description:
      'The console session this request was signed in by (its `lectern_organiser` cookie), with its CSRF token; empty without one. Ask over GET after a reload: a GET needs no CSRF token.',
  })
  async organiserSession(@Context() context: RequestContext) {
    const secret = context.http?.request.organiserSession;
    const session = secret ? await this.sessions.current(secret) : null;
    return session && shown(session);
  }

  @PublicMutation(() => OrganiserSessionObject, {
    description:
      'Signs in to the console with exactly one of a pasted access token and a mailed sign-in link: sets the `lectern_organiser` cookie (HttpOnly, SameSite=Strict) and answers the CSRF token. A wrong, expired or used one answers UNAUTHENTICATED and sets nothing; wrong tokens count as failed token attempts.',
  })
  async openOrganiserSession(
    @Args('input', { description: 'The token or the link.' }) input: OpenOrganiserSessionInput,
    @Context() context: RequestContext,
  ) {
    const { request, reply } = overHttp(context);
    const opened = await this.sessions.open(input, request.ip);
    reply.header('set-cookie', this.sessions.cookie(opened.secret, opened.expiresAt, request.protocol === 'https'));
    // The answer holds the CSRF token: no cache keeps it.
    reply.header('cache-control', 'no-store');
    return shown(opened);
  }

  @PublicMutation(() => Boolean, {
    description:
      'Mails a one-time console sign-in link (valid ORGANISER_LINK_MINUTES, 30) to the organiser with this address, at most one every five minutes. Answers true whether or not the address is known.',
  })
  async requestOrganiserSignInLink(
    @Args('input', { description: 'The address and the language.' }) input: RequestOrganiserSignInLinkInput,
  ) {
    await this.sessions.requestLink(input.email, input.locale);
    return true;
  }

  @PublicMutation(() => Boolean, {
    description: "Signs out of the console: ends this request's cookie session and clears the cookie. True even without one.",
  })
  async closeOrganiserSession(@Context() context: RequestContext) {
    const { request, reply } = overHttp(context);
    if (request.organiserSession) await this.sessions.end(request.organiserSession);
    reply.header('set-cookie', this.sessions.clearedCookie(request.protocol === 'https'));
    return true;
  }
}

/**
 * A cookie is set on an HTTP answer: over WebSocket there is none to set it on. A browser that
 * says the request comes from another site (Sec-Fetch-Site) is refused too, so no other site can
 * sign a visitor in to someone else's console or out of their own; the console's own requests
 * are same-origin.
 */
function overHttp(context: RequestContext): NonNullable<RequestContext['http']> {
  if (!context.http) {
    throw new UserError('BAD_USER_INPUT', 'Console sessions are opened and closed over HTTP (POST /graphql), not over WebSocket.');
  }
  if (context.http.request.headers['sec-fetch-site'] === 'cross-site') {
    throw new UserError('FORBIDDEN', 'Console sessions are opened and closed from the console itself, not from another site.');
  }
  return context.http;
}
