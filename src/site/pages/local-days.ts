import { localDate } from '../site-context';

/** Beyond this many kept answers for one group (a zone, a language), they are dropped and worked out again. */
const MAX_KEPT = 100_000;

/**
 * Intl's answers, by what they are for and kept by group: a programme page names a session's
 * language, writes its times and sorts it into its day for every session, a few dozen languages
 * and a few hundred instants over and over, and asking Intl each time was much of what rendering
 * and assembling a large page cost. Intl's answer for the same question never changes while the
 * process runs.
 */
export function rememberedBy(make: (group: string, value: string) => string): (group: string, value: string) => string {
  const groups = new Map<string, Map<string, string>>();
  return (group, value) => {
    let kept = groups.get(group);
    if (!kept) groups.set(group, (kept = new Map()));
    let answer = kept.get(value);
    if (answer === undefined) {
      if (kept.size >= MAX_KEPT) kept.clear();
      kept.set(value, (answer = make(group, value)));
    }
    return answer;
  };
}

const localDays = rememberedBy((zone, instant) => localDate(instant, zone));

/** The conference-local date (yyyy-mm-dd) of an instant, as `localDate` gives it, remembered (see `rememberedBy`). */
export function localDay(instant: string, zone: string): string {
  return localDays(zone, instant);
}
