/** Access codes typed by the person, and libraries found on the network (issue 13). */
import type { FoundLibraryInfo } from './tidewaveApi';
import {
  fail,
  isCount,
  MAX_HOST_LENGTH,
  record,
  validateBoolean,
  validateHost,
  validatePort,
} from './validationRules';

/** An access code as typed: at most 1,024 characters, no NUL ('' only where it clears one). */
export function validateAccessCode(value: unknown, options: { allowEmpty?: boolean } = {}): string {
  const min = options.allowEmpty ? 0 : 1;
  const ok =
    typeof value === 'string' &&
    value.trim().length >= min &&
    value.length <= MAX_ACCESS_CODE_LENGTH &&
    !value.includes('\0');
  return ok
    ? (value as string)
    : fail('access code', `text of ${min} to ${MAX_ACCESS_CODE_LENGTH} characters`, value);
}

const MAX_ACCESS_CODE_LENGTH = 1024;
const MAX_FOUND_LIBRARIES = 200;

/** The `discovery:found` payload, checked where it arrives (the renderer): it comes off the network. */
export function validateFoundLibraries(value: unknown): FoundLibraryInfo[] {
  if (!Array.isArray(value) || value.length > MAX_FOUND_LIBRARIES)
    fail('found libraries', `a list of at most ${MAX_FOUND_LIBRARIES}`, value);
  return value.map((item: unknown) => {
    const fields = record('found library', item, [
      'id',
      'name',
      'addresses',
      'port',
      'songCount',
      'accessCode',
      'extensions',
    ]);
    const text = (what: string, v: unknown) =>
      typeof v === 'string' && v.length <= MAX_HOST_LENGTH ? v : fail(what, 'short text', v);
    if (!Array.isArray(fields.addresses)) fail('addresses', 'a list', fields.addresses);
    return {
      id: text('id', fields.id),
      name: text('name', fields.name),
      addresses: (fields.addresses as unknown[]).map(validateHost),
      port: validatePort(fields.port),
      songCount: isCount(fields.songCount)
        ? fields.songCount
        : fail('songCount', 'a non-negative integer', fields.songCount),
      accessCode: validateBoolean('accessCode', fields.accessCode),
    };
  });
}
