import type { CombinedError } from '@urql/core';

/** One problem the server told, with the input field it blames when it names one. */
export interface Problem {
  message: string;
  field?: string;
}

/** What went wrong, as the server said it: Lectern's errors name the field to blame. */
export function problemsOf(error: CombinedError | undefined): Problem[] {
  if (!error) return [];
  if (error.networkError) return [{ message: error.networkError.message }];
  return error.graphQLErrors.flatMap((graphqlError) => {
    const problems = graphqlError.extensions?.problems as Problem[] | undefined;
    if (problems?.length) return problems;
    const field = graphqlError.extensions?.field as string | undefined;
    return [{ message: graphqlError.message, ...(field ? { field } : {}) }];
  });
}
