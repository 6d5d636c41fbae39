export { exampleConfigs } from "./example-configs.ts";
export { exampleSources } from "./example-sources.ts";
export {
  type RecordedRequest,
  type RecordingServer,
  type RecordingServerOptions,
  type Reply,
  type Responder,
  type Routes,
  startRecordingServer,
} from "./recording-server.ts";
export { sampleValue } from "./sample-value.ts";
