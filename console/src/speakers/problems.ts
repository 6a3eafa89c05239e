import type { CombinedError } from '@urql/core';
import { problemsOf, type Problem } from '../ui/errors';

/** The server's problems, each blamed on the input field by its own name (`input.email` → `email`). */
export function inputProblems(error: CombinedError | undefined): Problem[] {
  return problemsOf(error).map((problem) => (problem.field ? { ...problem, field: problem.field.replace(/^input\./, '') } : problem));
}
