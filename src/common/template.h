// RenderTemplate: fills ${NAME} placeholders in a config template.
//
// Every placeholder must have a value and every value must be used, so a
// renamed key fails at render time rather than as a service that starts with a
// literal "${KAFKA_PORT}" in its config. "$$" stands for a literal "$".
#pragma once

#include <map>
#include <string>

#include "common/result.h"

namespace lakehouse {

using TemplateVars = std::map<std::string, std::string>;

// `origin` names the template in errors (usually its path).
Result<std::string> RenderTemplate(const std::string& text, const TemplateVars& vars, const std::string& origin);

}  // namespace lakehouse
