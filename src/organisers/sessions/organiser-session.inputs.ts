import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'What signs you in to the console: exactly one of a pasted access token and a mailed sign-in link.' })
export class OpenOrganiserSessionInput {
  @Field(() => String, { nullable: true, description: 'An access token (`lct_…`), pasted.' })
  token?: string | null;

  @Field(() => String, { nullable: true, description: "A sign-in link's secret: what follows `#/sign-in/` in the mailed link." })
  link?: string | null;
}

@InputType({ description: 'Where to mail a console sign-in link, and in which language.' })
export class RequestOrganiserSignInLinkInput {
  @Field({ description: "The organiser's e-mail address (as an admin set it on the organiser)." })
  email: string;

  @Field(() => String, { nullable: true, description: 'The language of the mail: "sv", "nb" or "en" (default).' })
  locale?: string | null;
}
