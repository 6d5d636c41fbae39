/** One result of `plugboard validate`: an error fails the run, a warning or note does not. */
export interface Finding {
  level: "error" | "warning" | "note";
  check: "config" | "schemas" | "naming" | "handlers" | "readme" | "version";
  message: string;
}
