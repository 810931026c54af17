/**
 * An option value that cannot be used (a date that does not exist, an unknown
 * format, …). The CLI reports it as a wrong command line (exit 2) before
 * anything is built; the library throws it from `resolveSettings`.
 */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}
