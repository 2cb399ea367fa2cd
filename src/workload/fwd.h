// Forward declarations of the workload module's types, so headers elsewhere
// (the CLI) can name them without including the module.
#pragma once

namespace lakehouse::workload {

struct MixWeights;
struct WorkloadOptions;
struct SeedOptions;
struct SeedReport;
struct WorkloadReport;
struct ChangeCounts;
class WorkloadGenerator;
class ChangePlanner;
class ChangeWriter;
class DataGenerator;
class RatePacer;
class LiveKeys;

}  // namespace lakehouse::workload
