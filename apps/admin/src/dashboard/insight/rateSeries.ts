import type { RateGrouping, RatesPoint } from '@whistle/domain';
import { RATE_KINDS, type RateKind } from '../rateKinds';

export interface RateLine {
  /** The rate's key (overall) or the community's or unit's id. */
  id: string;
  /** A translation key (overall) or a name. */
  label: string;
  /** One value per period, as a percent; null where nothing counted (a gap in the line). */
  data: (number | null)[];
}

type NamedPoint = RatesPoint & { name: string | null };

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * The lines of the rates over time: the street's three rates, or the chosen rate of each community or unit (one
 * line each, in the order they first appear).
 */
export function rateLines(points: NamedPoint[], periods: { key: string }[], by: RateGrouping, kind: RateKind): RateLine[] {
  if (by === 'overall') {
    return RATE_KINDS.map((k) => ({
      id: k.key,
      label: `whistle.rates.${k.key}.name`,
      data: periods.map((p) => percent(points.find((x) => x.period === p.key)?.[k.rate] ?? null)),
    }));
  }
  const groups = new Map<string, string>();
  for (const point of points) if (point.groupId && !groups.has(point.groupId)) groups.set(point.groupId, point.name ?? point.groupId);
  return [...groups.entries()].map(([id, label]) => ({
    id,
    label,
    data: periods.map((p) => percent(points.find((x) => x.period === p.key && x.groupId === id)?.[kind.rate] ?? null)),
  }));
}

/** The point a clicked mark stands for: the line's group (or the street) in the period at that index. */
export function pointAt(points: NamedPoint[], periods: { key: string }[], by: RateGrouping, lineId: string, index: number): NamedPoint | undefined {
  const period = periods[index]?.key;
  return points.find((p) => p.period === period && (by === 'overall' ? p.groupId === null : p.groupId === lineId));
}
