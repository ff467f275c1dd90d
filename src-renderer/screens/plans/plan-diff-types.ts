/** Wire field -> value as the review sends it (`null` for empty). */
export type FieldMapView = Record<string, string | null | undefined>;
