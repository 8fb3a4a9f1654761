// The procedure files the studio may open and write: *.izin files of the
// procedure directory, named by their path relative to it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace izin::server {

// The .izin files under `dir` (any depth, no hidden folders), relative names in order.
std::vector<std::string> studio_files(const std::filesystem::path& dir);

// The full path of `name` when it is one of studio_files(dir); nullopt for
// anything else (another extension, "..", an absolute path, a missing file).
std::optional<std::filesystem::path> studio_file(const std::filesystem::path& dir, const std::string& name);

// The whole file; throws std::runtime_error naming it when unreadable.
std::string read_file_text(const std::filesystem::path& path);

// Replaces the file's text at once (a temporary file renamed over it), so the
// watcher never reads half a file; throws std::runtime_error naming it on failure.
void write_file_text(const std::filesystem::path& path, const std::string& text);

}  // namespace izin::server
