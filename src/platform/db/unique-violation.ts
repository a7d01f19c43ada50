/**
 * Whether a database error is a unique constraint refusing a duplicate, on either engine: the
 * reliable way to detect "already taken" when two requests race past a prior check.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
