import { DEFAULT_HOST_LIMITS, HOST_LIMIT_RANGES } from '../shared/defaults';
import type { HostLimits } from '../shared/tidewaveApi';

/**
 * The host limits read from the settings file: each one that is a whole number in its range is
 * kept, any other (missing, edited by hand, from a later version) falls back to its default.
 */
export function sanitizeHostLimits(value: unknown): HostLimits {
  const stored =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const limits = { ...DEFAULT_HOST_LIMITS };
  for (const name of Object.keys(HOST_LIMIT_RANGES) as Array<keyof HostLimits>) {
    const field = stored[name];
    const { min, max } = HOST_LIMIT_RANGES[name];
    if (Number.isInteger(field) && (field as number) >= min && (field as number) <= max) {
      limits[name] = field as number;
    }
  }
  return limits;
}

/** The server's limits (src/server/connectionLimits.ts) for these settings. */
export function serverLimitsOf(limits: HostLimits): {
  maxConnections: number;
  maxConnectionsPerAddress: number;
  requestTimeoutMs: number;
} {
  return {
    maxConnections: limits.maxConnections,
    maxConnectionsPerAddress: limits.maxConnectionsPerAddress,
    requestTimeoutMs: limits.requestTimeoutSeconds * 1000,
  };
}
