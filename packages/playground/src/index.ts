export type { RunRecording } from "./api.ts";
export { PlaygroundError, type PlaygroundErrorCode } from "./errors.ts";
export { type Playground, type PlaygroundOptions, startPlayground } from "./server.ts";
