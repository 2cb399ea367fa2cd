#include "services/service.h"

#include "common/template.h"

namespace lakehouse {

Status Service::RenderConfigFile(const std::string& relative, const std::string& out_name,
                                 const std::map<std::string, std::string>& vars, int mode) const {
  const std::string source = layout().RepoPath(relative);
  LH_ASSIGN_OR_RETURN(std::string text, env()->ReadFile(source));
  LH_ASSIGN_OR_RETURN(std::string rendered, RenderTemplate(text, vars, source));
  LH_RETURN_IF_ERROR(env()->CreateDirs(layout().ConfDir(Name())));
  return env()->WriteFileAtomic(layout().ConfDir(Name()) + "/" + out_name, rendered, mode);
}

}  // namespace lakehouse
