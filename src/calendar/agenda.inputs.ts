import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'The agenda, opened by its edit token, and the session to add.' })
export class AddToAgendaInput {
  @Field({ description: "The agenda's edit token." })
  token: string;

  @Field(() => ID, { description: "The session's id." })
  sessionId: string;
}

@InputType({ description: 'The agenda, opened by its edit token, and the session to take out.' })
export class RemoveFromAgendaInput {
  @Field({ description: "The agenda's edit token." })
  token: string;

  @Field(() => ID, { description: "The session's id." })
  sessionId: string;
}
