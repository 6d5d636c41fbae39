export {
  type RecordedRequest,
  type RecordingServer,
  type RecordingServerOptions,
  type Reply,
  type Responder,
  type Routes,
  startRecordingServer,
} from "./recording-server.ts";
