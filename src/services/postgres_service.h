// PostgresService: the source database, PostgreSQL 15 from Debian.
//
// Runs as the `postgres` OS user (PostgreSQL refuses root) on a data directory
// under the run dir, with configs rendered from config/templates/postgres/.
// The unix socket lives in a private directory, where local connections are
// trusted; TCP on the spec's host and port needs a password.
#pragma once

#include "services/service.h"

namespace lakehouse {

class PostgresService final : public Service {
 public:
  using Service::Service;

  std::string Name() const override { return "postgres"; }
  std::vector<std::string> Dependencies() const override { return {}; }
  std::vector<PortClaim> Ports() const override;
  std::string Endpoint() const override;
  Status Prepare() override;
  Result<SpawnOptions> Command() const override;
  Status CheckReady() override;
  // SIGINT is PostgreSQL's "fast shutdown": roll back sessions, checkpoint, exit.
  int StopSignal() const override { return SIGINT; }
  int ReadyTimeoutSeconds() const override { return 60; }

  std::string SocketDir() const;
  // libpq conninfo for the superuser over the private socket.
  std::string AdminConninfo(const std::string& database = "postgres") const;

  static constexpr const char* kOsUser = "postgres";
};

}  // namespace lakehouse
