#include "services/seaweedfs_service.h"

#include <nlohmann/json.hpp>

#include "lake/s3_client.h"

namespace lakehouse {

std::vector<PortClaim> SeaweedFsService::Ports() const {
  const auto& s3 = spec().s3;
  std::vector<PortClaim> claims;
  // Every SeaweedFS listener also opens a gRPC port at +10000.
  for (const auto& [what, port] : std::vector<std::pair<std::string, int>>{{"s3.endpoint", s3.EndpointPort()},
                                                                           {"s3.master_port", s3.master_port},
                                                                           {"s3.volume_port", s3.volume_port},
                                                                           {"s3.filer_port", s3.filer_port}}) {
    claims.push_back({what, "127.0.0.1", port});
    claims.push_back({what + " + 10000 (gRPC)", "127.0.0.1", port + 10000});
  }
  return claims;
}

Status SeaweedFsService::Prepare() {
  LH_RETURN_IF_ERROR(env()->CreateDirs(layout().DataDir(Name())));
  LH_RETURN_IF_ERROR(env()->CreateDirs(layout().ConfDir(Name())));
  LH_ASSIGN_OR_RETURN(std::string access_key, ctx().credentials->Get("AWS_ACCESS_KEY_ID"));
  LH_ASSIGN_OR_RETURN(std::string secret_key, ctx().credentials->Get("AWS_SECRET_ACCESS_KEY"));
  nlohmann::json identities = {
      {"identities",
       {{{"name", "lakehouse"},
         {"credentials", {{{"accessKey", access_key}, {"secretKey", secret_key}}}},
         {"actions", {"Admin", "Read", "Write", "List", "Tagging"}}}}}};
  return env()->WriteFileAtomic(layout().ConfDir(Name()) + "/s3.json", identities.dump(2), 0600);
}

Result<SpawnOptions> SeaweedFsService::Command() const {
  const auto& s3 = spec().s3;
  const std::string data = layout().DataDir(Name());
  SpawnOptions options;
  options.argv = {ctx().install->seaweed_binary,
                  // Without it weed writes logs into /tmp and repoints shared /tmp/weed.* links.
                  "-logtostderr",
                  "server",
                  "-ip=127.0.0.1",
                  "-ip.bind=127.0.0.1",
                  "-dir=" + data,
                  "-master.port=" + std::to_string(s3.master_port),
                  "-master.peers=none",
                  "-master.telemetry=false",
                  "-master.volumeSizeLimitMB=256",
                  "-volume.port=" + std::to_string(s3.volume_port),
                  "-volume.max=0",
                  "-volume.preStopSeconds=1",
                  "-filer",
                  "-filer.port=" + std::to_string(s3.filer_port),
                  "-s3",
                  "-s3.port=" + std::to_string(s3.EndpointPort()),
                  "-s3.config=" + layout().ConfDir(Name()) + "/s3.json",
                  "-s3.port.iceberg=0",
                  "-s3.port.lance=0",
                  // The IAM API is not used (identities come from -s3.config); off, it logs no key errors.
                  "-s3.iam=false"};
  // One volume per new collection (bucket) instead of seven: the default
  // growth runs out of volume slots by the second bucket.
  options.env["WEED_MASTER_VOLUME_GROWTH_COPY_1"] = "1";
  // AWS_* in weed's environment would add a second admin identity.
  options.unset_env = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"};
  options.working_dir = layout().ServiceDir(Name());
  return options;
}

Status SeaweedFsService::CheckReady() {
  LH_ASSIGN_OR_RETURN(std::string access_key, ctx().credentials->Get("AWS_ACCESS_KEY_ID"));
  LH_ASSIGN_OR_RETURN(std::string secret_key, ctx().credentials->Get("AWS_SECRET_ACCESS_KEY"));
  S3Client client(S3Options{spec().s3.endpoint, spec().s3.region, access_key, secret_key});
  LH_RETURN_IF_ERROR(client.CreateBucket(spec().s3.bucket));
  const std::string key = "_lakehouse/readiness-probe";
  const std::string probe = "ready " + std::to_string(env()->NowMicros());
  LH_RETURN_IF_ERROR(client.PutObject(spec().s3.bucket, key, probe));
  LH_ASSIGN_OR_RETURN(std::string back, client.GetObject(spec().s3.bucket, key));
  if (back != probe) return Status::Unavailable("S3 returned other bytes than were put to " + key);
  return Status::OK();
}

}  // namespace lakehouse
