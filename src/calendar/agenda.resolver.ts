import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PublicMutation } from '../auth/public-mutation.decorator';
import { globalIdOf } from '../common/global-id';
import { Session } from '../sessions/session.entity';
import { AgendaService } from './agenda.service';
import { CalendarLinks } from './calendar-links.service';
import { CalendarFeed, FeedArgs, PersonalAgenda } from './calendar.types';

@Resolver(() => PersonalAgenda)
export class AgendaResolver {
  constructor(
    private readonly agendas: AgendaService,
    private readonly links: CalendarLinks,
  ) {}

  @Query(() => PersonalAgenda, {
    nullable: true,
    description: 'The agenda this token opens: with its edit token, as its owner; with its read token, read-only (`token` is null).',
  })
  agenda(@Args('token', { description: "The agenda's edit token or read token." }) token: string) {
    return this.agendas.open(token);
  }

  @PublicMutation(() => PersonalAgenda, {
    description: 'Starts an empty personal agenda. Keep the `token` it answers with: it edits the agenda; `readToken` only reads it.',
  })
  createAgenda() {
    return this.agendas.create();
  }

  @PublicMutation(() => PersonalAgenda, { description: 'Adds a published session to the agenda (again: no change). Needs the edit token.' })
  addToAgenda(
    @Args('token', { description: "The agenda's edit token." }) token: string,
    @Args('sessionId', { type: () => ID, description: "The session's id." }) sessionId: string,
  ) {
    return this.agendas.add(token, sessionId);
  }

  @PublicMutation(() => PersonalAgenda, { description: 'Takes a session out of the agenda (not in it: no change). Needs the edit token.' })
  removeFromAgenda(
    @Args('token', { description: "The agenda's edit token." }) token: string,
    @Args('sessionId', { type: () => ID, description: "The session's id." }) sessionId: string,
  ) {
    return this.agendas.remove(token, sessionId);
  }

  @ResolveField(() => ID, {
    description: "The agenda's global id, for client caches; `node` does not open agendas, only their tokens do.",
  })
  id(@Parent() { agenda }: PersonalAgenda) {
    return globalIdOf('Agenda', agenda.id);
  }

  @ResolveField(() => [Session], { description: 'Its published sessions in time order; unscheduled ones last.' })
  sessions(@Parent() { agenda }: PersonalAgenda) {
    return this.agendas.sessionsOf(agenda);
  }

  @ResolveField(() => CalendarFeed, {
    description: 'The agenda as a private calendar feed: its address holds the read token, never the edit token.',
  })
  calendar(@Parent() { readToken }: PersonalAgenda, @Args() options: FeedArgs) {
    return this.links.addresses((query) => this.links.agenda(readToken, query), options);
  }
}
