import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

/** The revision to diff against: `--base` if given, else the merge-base with `main`, else `HEAD`. */
export async function resolveBase(root: string, base?: string): Promise<string | undefined> {
  if (base !== undefined) return base;
  const mergeBase = await git(root, ["merge-base", "HEAD", "main"]);
  if (mergeBase?.trim()) return mergeBase.trim();
  const head = await git(root, ["rev-parse", "--verify", "HEAD"]);
  return head?.trim() ? "HEAD" : undefined;
}

/** Whether `rev` names a commit in the repository at `root`. */
export async function revisionExists(root: string, rev: string): Promise<boolean> {
  return (await git(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`])) !== undefined;
}

/** A file's text at `rev` (`git show <rev>:<path>`), or undefined when it did not exist there. */
export async function showAtRevision(
  root: string,
  rev: string,
  file: string,
): Promise<string | undefined> {
  const top = (await git(root, ["rev-parse", "--show-toplevel"]))?.trim();
  if (!top) return undefined;
  const relative = path.relative(top, file).split(path.sep).join("/");
  return git(top, ["show", `${rev}:${relative}`]);
}
