#include "studio_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace izin::server {

namespace fs = std::filesystem;

std::vector<std::string> studio_files(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_directory() && name.starts_with(".")) {
      it.disable_recursion_pending();  // editor backups and version control stay out
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".izin" && !name.starts_with("."))
      names.push_back(fs::relative(it->path(), dir).generic_string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<fs::path> studio_file(const fs::path& dir, const std::string& name) {
  const auto files = studio_files(dir);  // only a listed name is ever opened: no path tricks
  if (std::find(files.begin(), files.end(), name) == files.end()) return std::nullopt;
  return dir / fs::path(name);
}

std::string read_file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file_text(const fs::path& path, const std::string& text) {
  // Hidden and not .izin, so the watcher ignores it until the rename.
  const fs::path temporary = path.parent_path() / ("." + path.filename().string() + ".studio-tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) throw std::runtime_error("cannot replace " + path.string() + ": " + ec.message());
}

}  // namespace izin::server
