#include "services/postgres_service.h"

#include "common/pg_session.h"

namespace lakehouse {

std::vector<PortClaim> PostgresService::Ports() const {
  return {{"source.port", spec().source.host, spec().source.port}};
}

std::string PostgresService::Endpoint() const {
  return spec().source.host + ":" + std::to_string(spec().source.port);
}

std::string PostgresService::SocketDir() const { return layout().ServiceDir(Name()) + "/socket"; }

std::string PostgresService::AdminConninfo(const std::string& database) const {
  return "host=" + SocketDir() + " port=" + std::to_string(spec().source.port) + " user=postgres dbname=" +
         database + " connect_timeout=3";
}

Status PostgresService::Prepare() {
  const std::string data = layout().DataDir(Name());
  const std::string conf = layout().ConfDir(Name());
  for (const auto& dir : {data, conf, SocketDir()}) LH_RETURN_IF_ERROR(env()->CreateDirs(dir));
  LH_RETURN_IF_ERROR(env()->Chown(layout().ServiceDir(Name()), kOsUser, /*recursive=*/true));
  // The postgres user must be able to reach its directories through every parent.
  auto reach = env()->Run({.argv = {"test", "-w", data}, .run_as_user = std::string(kOsUser)});
  if (!reach.ok() || reach->exit_code != 0) {
    return Status::FailedPrecondition("the postgres OS user cannot write " + data +
                                      "; give every parent directory o+x or set `home` in the spec elsewhere");
  }
  std::map<std::string, std::string> vars = {{"DATA_DIR", data},
                                             {"CONF_DIR", conf},
                                             {"HOST", spec().source.host},
                                             {"PORT", std::to_string(spec().source.port)},
                                             {"SOCKET_DIR", SocketDir()}};
  LH_RETURN_IF_ERROR(RenderConfigFile("config/templates/postgres/postgresql.conf", "postgresql.conf", vars));
  LH_RETURN_IF_ERROR(RenderConfigFile("config/templates/postgres/pg_hba.conf", "pg_hba.conf", {}));
  LH_RETURN_IF_ERROR(RenderConfigFile("config/templates/postgres/pg_ident.conf", "pg_ident.conf", {}));
  LH_RETURN_IF_ERROR(env()->Chown(conf, kOsUser, /*recursive=*/true));
  if (env()->FileExists(data + "/PG_VERSION")) return Status::OK();
  auto initdb = env()->Run({.argv = {ctx().install->pg_bin_dir + "/initdb", "-D", data, "-U", "postgres",
                                     "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                                     "--locale=C.UTF-8"},
                            .run_as_user = std::string(kOsUser),
                            .log_path = layout().LogFile(Name()),
                            .timeout_ms = 120000});
  if (!initdb.ok()) return initdb.status().WithContext("initdb");
  if (initdb->exit_code != 0) {
    return Status::Internal("initdb failed (exit " + std::to_string(initdb->exit_code) + "); see " +
                            layout().LogFile(Name()));
  }
  return Status::OK();
}

Result<SpawnOptions> PostgresService::Command() const {
  SpawnOptions options;
  options.argv = {ctx().install->pg_bin_dir + "/postgres", "-D", layout().DataDir(Name()), "-c",
                  "config_file=" + layout().ConfDir(Name()) + "/postgresql.conf"};
  options.run_as_user = kOsUser;
  options.working_dir = layout().ServiceDir(Name());
  return options;
}

Status PostgresService::CheckReady() {
  LH_ASSIGN_OR_RETURN(PgSession session, PgSession::Connect(AdminConninfo(), Endpoint()));
  return session.Exec("SELECT 1");
}

}  // namespace lakehouse
