/**
 * The time zones an admin picks from: China's first (a street office's), then neighbours and a few far ones for
 * completeness. A zone set some other way (in the JSON) is offered too, so the select still shows it.
 */
export const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

export function zoneChoices(current: string): string[] {
  return current && !COMMON_ZONES.includes(current) ? [...COMMON_ZONES, current] : COMMON_ZONES;
}
