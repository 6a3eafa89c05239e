/** Arguments the command cannot work with: the shell hears 2, as for an unknown option. */
export class UsageError extends Error {}

/** The block of examples a command's `--help` ends with. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
