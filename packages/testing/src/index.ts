export {
  type RecordedRequest,
  type RecordingServer,
  type RecordingServerOptions,
  type Reply,
  type Responder,
  type Routes,
  startRecordingServer,
} from "./recording-server.ts";
export { startRedisServer, type TestRedis } from "./redis-server.ts";
