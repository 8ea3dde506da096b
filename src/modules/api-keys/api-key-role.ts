/** submitter: send and read claims; admin: also manage keys and partners; read-only: GET only. */
export const API_KEY_ROLES = ['submitter', 'admin', 'read-only'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export function isApiKeyRole(value: unknown): value is ApiKeyRole {
  return typeof value === 'string' && (API_KEY_ROLES as readonly string[]).includes(value);
}
