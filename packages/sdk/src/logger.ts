/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** Where the SDK and handlers write diagnostics; pino, winston and console-like loggers fit. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const ignore = (): void => {};

/** A logger that discards everything: the default, so the SDK never prints on its own. */
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** Wraps a logger so that every message and field passes through `scrub` first. */
export function scrubbedLogger(logger: Logger, scrub: <T>(value: T) => T): Logger {
  // Nothing is written, so nothing needs scrubbing: spares every request a deep copy.
  if (logger === silentLogger) return silentLogger;
  const wrap =
    (level: keyof Logger) =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) logger[level](scrub(message));
      else logger[level](scrub(message), scrub(fields));
    };
  return { debug: wrap("debug"), info: wrap("info"), warn: wrap("warn"), error: wrap("error") };
}
