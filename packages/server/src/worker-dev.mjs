// Pool entry when @plugboard/server runs from its TypeScript sources (its own tests and
// benchmarks): a worker cannot import worker.ts directly, so it goes through tsx.
import { tsImport } from "tsx/esm/api";

const { default: run } = await tsImport("./worker.ts", import.meta.url);

export default run;
