export {
  type RecordedRequest,
  type RecordingServer,
  type Reply,
  type Responder,
  type Routes,
  startRecordingServer,
} from "./recording-server.ts";
