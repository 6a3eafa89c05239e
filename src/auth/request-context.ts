import { FastifyReply, FastifyRequest } from 'fastify';
import { LoaderScope } from '../common/loaders';
import { Viewer } from './viewer';

/** What every GraphQL resolver gets for one request: who asks, and that request's loaders. */
export interface RequestContext extends LoaderScope {
  viewer: Viewer;
  /** The request's Accept-Language, most wanted first: what localised fields use without a `locale` argument. */
  acceptedLocales?: readonly string[];
  /**
   * The HTTP request and its answer, for the few mutations that work on the answer itself (a
   * console session's cookie). Absent for subscriptions over WebSocket, whose events have none.
   */
  http?: { request: FastifyRequest; reply: FastifyReply };
}
