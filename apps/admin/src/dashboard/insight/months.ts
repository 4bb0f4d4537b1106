/** `2026-11` and the `count - 1` months before it, newest first: the months the report page offers. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (monthNumber - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
