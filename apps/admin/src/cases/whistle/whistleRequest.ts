/**
 * The form's values as POST /api/cases takes them: an optional field left empty (no grid picked, no address, no point) is
 * left out rather than sent as an empty string or null, which the API's schema refuses.
 */
export function whistleRequest<T extends Record<string, unknown>>(values: T): Partial<T> {
  const optional = ['gridId', 'address', 'location'];
  return Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) => !(optional.includes(key) && (value === null || value === undefined || String(value).trim() === '')),
    ),
  ) as Partial<T>;
}
