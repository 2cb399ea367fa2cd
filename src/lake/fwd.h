// Forward declarations of the lake module's types, for headers that only pass
// them by pointer or reference.
#pragma once

namespace lakehouse {

struct ObjectInfo;
class ObjectStore;
class InMemoryObjectStore;
struct S3Options;
class S3Client;

struct DeltaFile;
struct DeltaSnapshot;
class DeltaLog;
class CheckpointReader;
class LogReplay;
struct LogSegment;

}  // namespace lakehouse
