import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import type { UnitName } from './figures';

/** A unit's name on a chart's axis: cases no unit leads are the street's own; a removed unit shows its id. */
export function useUnitName(): (unit: UnitName) => string {
  const translate = useTranslate();
  return useCallback(
    (unit: UnitName) => (unit.organizationId === null ? translate('whistle.insight.noLead') : (unit.name ?? unit.organizationId)),
    [translate],
  );
}
