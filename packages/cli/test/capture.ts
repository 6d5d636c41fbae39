/** What a command printed and returned. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in-process, capturing what it writes to stdout and stderr. `tty` makes
 * stdout look like a terminal, for the pretty output paths.
 */
export async function capture(
  command: (argv: string[]) => Promise<number>,
  argv: string[],
  options: { tty?: boolean } = {},
): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write;
  const err = process.stderr.write;
  const tty = process.stdout.isTTY;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  process.stdout.isTTY = options.tty ?? false;
  try {
    const code = await command(argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.stdout.isTTY = tty;
  }
}
