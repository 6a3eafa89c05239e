import { ModulesContainer, NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule } from '../app.module';
import { describeRootTypes } from '../common/root-descriptions';
import { readConfiguration } from '../config/configuration';

/** The schema as SDL, as /graphql/schema.graphql serves it and schema.graphql at the root holds it: one newline at the end. */
export function schemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}

/**
 * The SDL the server would serve, built without a server or a database: Nest scans AppModule in
 * preview mode (modules and providers are listed, none is created, so nothing connects), and
 * @nestjs/graphql's schema factory builds the code-first schema from those classes, as
 * GraphQLModule does at start-up (it too hands the factory every provider class, and keeps the
 * resolvers among them), then transformed and sorted as AppModule's GraphQL options ask
 * (`transformSchema`, `sortSchema`). tests/e2e/schema-file.test.ts checks that this and the
 * served schema are the same, so a new option that shapes the schema must be added here too.
 */
export async function buildSchemaSdl(): Promise<string> {
  const scan = await NestFactory.createApplicationContext(AppModule.with(readConfiguration({})), { preview: true, logger: false });
  const classes = [...scan.get(ModulesContainer).values()]
    .flatMap((module) => [...module.providers.values()].map((wrapper) => wrapper.metatype))
    .filter((type): type is NonNullable<typeof type> => typeof type === 'function');
  const builder = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    const schema = await builder.get(GraphQLSchemaFactory).create(classes as Function[]);
    return schemaSdl(lexicographicSortSchema(describeRootTypes(schema)));
  } finally {
    await builder.close();
  }
}
