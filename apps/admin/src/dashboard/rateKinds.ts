import type { Rates } from '@whistle/domain';

/** The three rates, each with the counts it is the ratio of. */
export interface RateKind {
  key: 'response' | 'resolution' | 'satisfaction';
  rate: 'responseRate' | 'resolutionRate' | 'satisfactionRate';
  part: keyof Rates;
  whole: keyof Rates;
}

export const RATE_KINDS: readonly RateKind[] = [
  { key: 'response', rate: 'responseRate', part: 'respondedOnTime', whole: 'assignments' },
  { key: 'resolution', rate: 'resolutionRate', part: 'resolved', whole: 'cases' },
  { key: 'satisfaction', rate: 'satisfactionRate', part: 'satisfied', whole: 'ratings' },
];
