import pc from "picocolors";

/** Colour functions: real colours on a TTY without `NO_COLOR`, plain text otherwise. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Whether a stream should get colour: only a TTY, and never when `NO_COLOR` is set. */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  const noColor = process.env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === "");
}

/** Colours for stdout, decided once per call so tests can flip `isTTY`. */
export function stdoutColors(): Colors {
  return pc.createColors(colorEnabled(process.stdout));
}

/** Colours for stderr. */
export function stderrColors(): Colors {
  return pc.createColors(colorEnabled(process.stderr));
}

/** Writes one line to stdout. */
export function out(line = ""): void {
  process.stdout.write(`${line}\n`);
}

/** Writes one error line to stderr, prefixed with the command that failed. */
export function fail(command: string, message: string): void {
  const c = stderrColors();
  process.stderr.write(`${c.red(`plugboard ${command}:`)} ${message}\n`);
}
