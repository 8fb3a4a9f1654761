// office.yaml: read with yaml-cpp, every problem named by file and line.
#include "izin/standards/office_profile.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace izin::standards {

OfficeError::OfficeError(const std::string& file, int line_, const std::string& why)
    : std::runtime_error(file + ":" + (line_ > 0 ? std::to_string(line_) + ":" : std::string()) + " " + why),
      line(line_) {}

namespace {

struct Reader {
  std::string file;

  [[noreturn]] void fail(const YAML::Node& at, const std::string& why) const {
    throw OfficeError(file, at.Mark().line + 1, why);
  }
  std::string scalar(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, "`" + key + "` must be a text");
    return n.Scalar();
  }
  // A plain text (Indonesian) or {id: …, en: …}.
  OfficeText text(const YAML::Node& n, const std::string& key) const {
    if (n.IsNull()) return {};
    if (n.IsScalar()) return {n.Scalar(), ""};
    if (!n.IsMap()) fail(n, "`" + key + "` must be a text or a map with `id` and `en`");
    OfficeText t;
    for (const auto& kv : n) {
      const std::string k = scalar(kv.first, key);
      if (k == "id") t.id = scalar(kv.second, key + ".id");
      else if (k == "en") t.en = scalar(kv.second, key + ".en");
      else fail(kv.first, "unknown key `" + k + "` in `" + key + "` (expected id or en)");
    }
    if (t.id.empty()) fail(n, "`" + key + "` has no Indonesian text (`id`)");
    return t;
  }
  std::map<std::string, OfficeText> components(const YAML::Node& n, const std::string& where) const {
    if (!n.IsMap()) fail(n, "`" + where + "` must be a map of components");
    std::map<std::string, OfficeText> out;
    for (const auto& kv : n) {
      const std::string k = scalar(kv.first, where);
      if (std::find(std::begin(kOfficeComponents), std::end(kOfficeComponents), k) == std::end(kOfficeComponents))
        fail(kv.first, "unknown component `" + k + "` in `" + where +
                           "` (expected facilities, competence, supervision, complaints, staff, guarantee, security "
                           "or evaluation)");
      out[k] = text(kv.second, where + "." + k);
    }
    return out;
  }
  void services(const YAML::Node& n, OfficeProfile& p) const {
    if (!n.IsMap()) fail(n, "`services` must map procedure ids to their components");
    for (const auto& kv : n) {
      const std::string id = scalar(kv.first, "services");
      p.services[id] = components(kv.second, "services." + id);
    }
  }
  void channels(const YAML::Node& n, OfficeProfile& p) const {
    if (!n.IsSequence()) fail(n, "`complaint_channels` must be a list");
    for (const auto& c : n) p.complaint_channels.push_back(text(c, "complaint_channels"));
  }
  void key(const std::string& k, const YAML::Node& v, OfficeProfile& p) const {
    if (k == "name") p.name = text(v, k);
    else if (k == "address") p.address = text(v, k);
    else if (k == "opening_hours") p.opening_hours = text(v, k);
    else if (k == "maklumat") p.maklumat = text(v, k);
    else if (k == "complaint_channels") channels(v, p);
    else if (k == "complaint_procedure") p.complaint_procedure = scalar(v, k);
    else if (k == "components") p.components = components(v, k);
    else if (k == "services") services(v, p);
    else fail(v, "unknown key `" + k + "` (expected name, address, opening_hours, maklumat, complaint_channels, "
                 "complaint_procedure, components or services)");
  }
};

}  // namespace

OfficeProfile parse_office_profile(std::string_view text, const std::string& file) {
  const Reader r{file};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw OfficeError(file, e.mark.line + 1, e.msg);
  }
  if (!root.IsMap()) throw OfficeError(file, 1, "office.yaml must be a map of keys (name, address, …)");
  OfficeProfile p;
  for (const auto& kv : root) r.key(r.scalar(kv.first, "key"), kv.second, p);
  return p;
}

OfficeProfile load_office_profile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OfficeError(path, 0, "cannot read the office file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_office_profile(text.str(), path);
}

OfficeText OfficeProfile::component(std::string_view service, std::string_view key) const {
  if (const auto s = services.find(std::string(service)); s != services.end())
    if (const auto c = s->second.find(std::string(key)); c != s->second.end() && !c->second.empty()) return c->second;
  const auto c = components.find(std::string(key));
  return c == components.end() ? OfficeText{} : c->second;
}

std::vector<std::string> OfficeProfile::missing(std::string_view service) const {
  std::vector<std::string> out;
  const std::pair<const char*, const OfficeText*> top[] = {
      {"name", &name}, {"address", &address}, {"opening_hours", &opening_hours}, {"maklumat", &maklumat}};
  for (const auto& [k, t] : top)
    if (t->empty()) out.emplace_back(k);
  if (complaint_channels.empty()) out.emplace_back("complaint_channels");
  for (const auto k : kOfficeComponents)
    if (component(service, k).empty()) out.emplace_back("components." + std::string(k));
  return out;
}

}  // namespace izin::standards
