import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import MarkdownIt from 'markdown-it';

/** README.md at the repository root, as a reader sees it. */
export const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** One ```graphql block of the README. */
export interface ReadmeExample {
  /** The line of the block in README.md, for messages. */
  line: number;
  document: DocumentNode;
  /** The variables of a ```json block right after it, if there is one. */
  variables?: Record<string, unknown>;
}

/** Every ```graphql block of README.md, parsed (markdown-it finds the fences, so indented or nested ones count too). */
export function readmeExamples(): ReadmeExample[] {
  const tokens = new MarkdownIt().parse(README, {});
  const fences = tokens.filter((token) => token.type === 'fence');
  const examples: ReadmeExample[] = [];
  for (const [i, fence] of fences.entries()) {
    if (fence.info.trim() !== 'graphql') continue;
    const next = fences[i + 1];
    const nextIsRightAfter = next && next.info.trim() === 'json' && next.map && fence.map && next.map[0] - fence.map[1] <= 1;
    examples.push({
      line: (fence.map?.[0] ?? 0) + 1,
      document: parse(fence.content),
      variables: nextIsRightAfter ? (JSON.parse(next.content) as Record<string, unknown>) : undefined,
    });
  }
  return examples;
}

export const operationsOf = (document: DocumentNode): OperationDefinitionNode[] =>
  document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
