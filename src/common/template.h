// RenderTemplate: fills ${NAME} placeholders in a config template.
//
// A placeholder is ${ followed by an upper-case name ([A-Z][A-Z0-9_]*) and };
// anything else, such as log4j's ${sys:x} or Kafka's ${file:path:key}, is left
// for the program that reads the config. Every placeholder must have a value
// and every value must be used, so a renamed key fails at render time rather
// than as a service that starts with a literal "${KAFKA_PORT}" in its config.
#pragma once

#include <map>
#include <string>

#include "common/result.h"

namespace lakehouse {

using TemplateVars = std::map<std::string, std::string>;

// `origin` names the template in errors (usually its path).
Result<std::string> RenderTemplate(const std::string& text, const TemplateVars& vars, const std::string& origin);

}  // namespace lakehouse
