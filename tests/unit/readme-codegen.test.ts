import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as typescriptOperationsPlugin from '@graphql-codegen/typescript-operations';
import { DocumentNode, OperationDefinitionNode, buildSchema, parse, visit } from 'graphql';
import ts from 'typescript';
import { ReadmeExample, operationsOf, readmeExamples } from '../support/readme';

/**
 * GraphQL Code Generator, as a reader of the README would run it on its examples: the served
 * schema (schema.graphql) and every ```graphql block of the README as a document, through
 * codegen's programmatic API with the `typescript` and `typescript-operations` plugins into one
 * file. Codegen must not throw, every operation must get its `<Name>Query`/`Mutation`/
 * `Subscription` and `...Variables` types, and the file must type-check in strict mode.
 */

const SDL = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
const SCHEMA = parse(SDL);
const SCHEMA_AST = buildSchema(SDL);

type DocumentFile = Parameters<typeof codegen>[0]['documents'][number];

const FILENAME = 'graphql.ts';

const generate = (documents: DocumentFile[]): Promise<string> =>
  codegen({
    filename: FILENAME,
    schema: SCHEMA,
    schemaAst: SCHEMA_AST,
    documents,
    config: {},
    plugins: [{ typescript: {} }, { 'typescript-operations': {} }],
    pluginMap: { typescript: typescriptPlugin, 'typescript-operations': typescriptOperationsPlugin },
  });

/** A README block as codegen takes a file: its operations only, located by its line. */
const documentOf = (example: ReadmeExample): DocumentFile => ({
  location: `README.md:${example.line}`,
  document: { ...example.document, definitions: operationsOf(example.document) },
});

/** The exported type aliases and interfaces of a TypeScript file, read by the compiler's parser. */
function exportedTypeNames(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement) && !ts.isInterfaceDeclaration(statement)) continue;
    if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    names.push(statement.name.text);
  }
  return names;
}

/** The types that the schema alone makes (the `typescript` plugin's, and the helpers), for every set of documents. */
let schemaTypeNames: Set<string>;

/** The exported types of the generated file that the documents added: the operations' result and variables types, sorted. */
const operationTypeNames = (generated: string): string[] =>
  exportedTypeNames(FILENAME, generated)
    .filter((name) => !schemaTypeNames.has(name))
    .sort();

const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The types codegen names after an operation: `CreateAgenda` → `CreateAgendaMutation`,
 * `CreateAgendaMutationVariables`. An unnamed one has no name to expect: "(unnamed)" shows it in the diff.
 */
const expectedTypeNames = (operation: OperationDefinitionNode): string[] => {
  const result = capitalised(operation.name?.value ?? '(unnamed)') + capitalised(operation.operation);
  return [result, `${result}Variables`];
};

const VIRTUAL_DIR = '/virtual/readme-codegen';

/**
 * Type-checks files held in memory as one strict program (lib files come from the installed
 * TypeScript), and answers its diagnostics, formatted.
 */
function typeCheck(files: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const virtual = new Map(Object.entries(files).map(([name, text]) => [`${VIRTUAL_DIR}/${name}`, text]));
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = virtual.get(fileName);
    return text === undefined
      ? getSourceFile.call(host, fileName, languageVersion, ...rest)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile.call(host, fileName);
  const { directoryExists } = host;
  host.directoryExists = (name) =>
    name === VIRTUAL_DIR || VIRTUAL_DIR.startsWith(`${name}/`) || (directoryExists?.call(host, name) ?? true);
  host.getCurrentDirectory = () => VIRTUAL_DIR;
  host.writeFile = () => undefined;
  const program = ts.createProgram([...virtual.keys()], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return diagnostics.map((diagnostic) => ts.formatDiagnostic(diagnostic, host).trim());
}

/** The document with the names of its operations removed, as the README's examples first were. */
const unnamed = (document: DocumentNode): DocumentNode =>
  visit(document, { OperationDefinition: (node) => ({ ...node, name: undefined }) }) as DocumentNode;

describe("GraphQL Code Generator on the README's examples", () => {
  const examples = readmeExamples();
  const documents = examples.map(documentOf);
  const operations = examples.flatMap((example) => operationsOf(example.document).map((operation) => ({ example, operation })));
  let generated: string;

  beforeAll(async () => {
    schemaTypeNames = new Set(exportedTypeNames(FILENAME, await generate([])));
    generated = await generate(documents);
  });

  it('takes every graphql block, and every operation in them has a name', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(documents.map((document) => document.document!.definitions.length)).not.toContain(0);
    const anonymous = operations.filter(({ operation }) => !operation.name).map(({ example }) => `README.md:${example.line}`);
    expect(anonymous).toEqual([]);
  });

  // codegen ran on them in beforeAll: had it thrown, every test here would fail with its error.
  it('generates, without errors, a result and a variables type for every operation, and none other', () => {
    const expected = operations.flatMap(({ operation }) => expectedTypeNames(operation)).sort();
    expect(operationTypeNames(generated)).toEqual(expected);
    // The README has queries and mutations; a subscription, if one is added, is checked the same way.
    expect(expected).toEqual(
      expect.arrayContaining(['MeQuery', 'MeQueryVariables', 'CreateAgendaMutation', 'CreateAgendaMutationVariables']),
    );
  });

  it('generates a file that type-checks in strict mode', () => {
    const diagnostics = typeCheck({ [FILENAME]: generated });
    if (diagnostics.length > 0) throw new Error(`the generated file does not type-check:\n${diagnostics.join('\n')}`);
    expect(diagnostics).toEqual([]);
  });

  it('generates types that describe the answers (a type checker would reject a wrong one)', () => {
    const usage = [
      "import { OrganiserRole, type MeQuery, type MeQueryVariables } from './graphql';",
      "export const me: MeQuery = { me: { name: 'Ada', role: OrganiserRole.Admin, conferences: [], accessTokens: [] } };",
      'export const variables: MeQueryVariables = {};',
    ].join('\n');
    expect(typeCheck({ [FILENAME]: generated, 'usage.ts': usage })).toEqual([]);
    const wrong = ["import type { MeQuery } from './graphql';", 'export const me: MeQuery = { me: { name: 42 } };'].join('\n');
    const diagnostics = typeCheck({ [FILENAME]: generated, 'wrong.ts': wrong });
    expect(diagnostics.join('\n')).toMatch(/wrong\.ts.*error TS2322: Type 'number' is not assignable to type 'string'/);
  });

  it('fails on unnamed operations, as the issue says it did on the README before its operations were named', async () => {
    // Blocks with several operations: GraphQL lets an anonymous operation only stand alone.
    const stripped = documents.map((file) => ({ ...file, document: unnamed(file.document!) }));
    expect(stripped.some((file) => file.document.definitions.length > 1)).toBe(true);
    await expect(generate(stripped)).rejects.toThrow(/This anonymous operation must be the only defined operation/);
    // A lone anonymous operation gets a made-up name, which none of the types above would have.
    const lone = await generate([{ location: 'lone.graphql', document: parse('{ me { name } }') }]);
    expect(operationTypeNames(lone)).toEqual(['Unnamed_1_Query', 'Unnamed_1_QueryVariables']);
  });
});
