import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IdInput } from '../common/mutation-input';
import { PageArgs } from '../common/connection';
import { MailStatus } from './mail.entity';

@ArgsType()
export class OutboxArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the mails of this conference (you must organise it).' })
  conferenceId?: string | null;

  @Field(() => MailStatus, { nullable: true, description: 'Only the mails in this state.' })
  status?: MailStatus | null;
}

@InputType({ description: 'The failed mail to send again.' })
export class RetryMailInput extends IdInput("The mail's id.") {}
