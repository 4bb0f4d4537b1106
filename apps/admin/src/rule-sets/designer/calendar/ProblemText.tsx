import { useTranslate } from 'react-admin';
import type { CalendarProblem } from './calendar-problems';

/** A calendar problem in the console's language; the schema's own words when the console has none for it. */
export function useProblemWords() {
  const translate = useTranslate();
  return (problem: CalendarProblem) => translate(`whistle.calendar.problems.${problem.key}`, { _: problem.message, entry: problem.entry ?? '' });
}

/** Several problems of one input, as its helper text. */
export function useProblemText() {
  const words = useProblemWords();
  return (problems: CalendarProblem[]) => (problems.length ? problems.map(words).join(' · ') : undefined);
}
