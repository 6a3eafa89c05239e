import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PublicMutation } from '../auth/public-mutation.decorator';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { globalIdOf } from '../common/global-id';
import { Session } from '../sessions/session.entity';
import { AddToAgendaInput, RemoveFromAgendaInput } from './agenda.inputs';
import { AgendaService } from './agenda.service';
import { CalendarLinks } from './calendar-links.service';
import { CalendarFeed, FeedArgs, PersonalAgenda } from './calendar.types';

const AGENDA_TOKEN = { type: () => String, description: "The agenda's edit token." };
const SESSION_ID = { type: () => ID, description: "The session's id." };

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
    @Args('input', newInputArg(() => AddToAgendaInput, 'The agenda and the session.')) input: AddToAgendaInput | null,
    @Args('token', replacedArg('token', AGENDA_TOKEN)) token: string | null,
    @Args('sessionId', replacedArg('sessionId', SESSION_ID)) sessionId: string | null,
  ) {
    const given = mutationInput(input, { token, sessionId }, ['token', 'sessionId']);
    return this.agendas.add(given.token, given.sessionId);
  }

  @PublicMutation(() => PersonalAgenda, { description: 'Takes a session out of the agenda (not in it: no change). Needs the edit token.' })
  removeFromAgenda(
    @Args('input', newInputArg(() => RemoveFromAgendaInput, 'The agenda and the session.')) input: RemoveFromAgendaInput | null,
    @Args('token', replacedArg('token', AGENDA_TOKEN)) token: string | null,
    @Args('sessionId', replacedArg('sessionId', SESSION_ID)) sessionId: string | null,
  ) {
    const given = mutationInput(input, { token, sessionId }, ['token', 'sessionId']);
    return this.agendas.remove(given.token, given.sessionId);
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
