import { Module } from '@nestjs/common';
import { GraphiqlController } from './graphiql.controller';

/** The GraphiQL page and its files; AppModule imports it only with GRAPHIQL=on, so with off they are 404. */
@Module({ controllers: [GraphiqlController] })
export class GraphiqlModule {}
