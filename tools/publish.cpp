// `izin publish`: the office's service standards as a static site, from the
// procedure files and office.yaml; thin over izin_standards.
#include <filesystem>
#include <iostream>

#include "case_session.hpp"
#include "commands.hpp"
#include "izin/load.hpp"
#include "izin/standards/publish.hpp"

namespace izin::cli {
namespace {

struct PublishCommand {
  std::string procedures = "procedures", office, out, base_url;
};

// office.yaml beside the procedures unless --office names another.
std::string office_path(const PublishCommand& c) {
  if (!c.office.empty()) return c.office;
  return (std::filesystem::path(c.procedures) / "office.yaml").string();
}

void run_publish(const PublishCommand& c) {
  const Library library = load({c.procedures}, LoadOptions{Language::English, true});
  // A page must say what the counter enforces: publish nothing from procedures that do not compile.
  if (library.has_errors()) {
    std::cerr << format_diagnostics(library) << "izin publish: nothing written; fix the errors above\n";
    exit_status() = 1;
    return;
  }
  standards::OfficeProfile office;
  try {
    office = standards::load_office_profile(office_path(c));
  } catch (const standards::OfficeError& e) {
    throw std::invalid_argument(e.what());
  }
  const auto result = standards::write_site(library.procedures, office, c.out, {c.base_url});
  for (const auto& m : result.missing)
    std::cerr << "izin publish: warning: " << m << " is not stated (office.yaml or the procedure)\n";
  std::cout << "wrote " << result.files.size() << " files to " << c.out << "\n";
}

}  // namespace

void add_publish_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("publish", "Write the service standards (UU 25/2009 Pasal 21) as a static site");
  auto c = std::make_shared<PublishCommand>();
  cmd->add_option("--procedures", c->procedures, "directory of procedures (default procedures)");
  cmd->add_option("--office", c->office, "the office's office.yaml (default PROCEDURES/office.yaml)");
  cmd->add_option("--out", c->out, "folder to write the site into")->required();
  cmd->add_option("--base-url", c->base_url, "the site's online address, printed on each page");
  cmd->callback([c] { run_guarded([&] { run_publish(*c); }); });
}

}  // namespace izin::cli
