/** Progress goes to stderr, so stdout carries the report alone. */
export function log(message: string): void {
  console.error(`[bench] ${message}`);
}
