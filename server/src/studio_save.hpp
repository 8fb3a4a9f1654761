// Saving a procedure text from the studio as a new version: only when it checks with no
// errors and passes the rollout rules; then the watcher's reload makes it live at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"
#include "studio_check.hpp"

namespace izin::server {

struct StudioSave {
  bool saved = false;
  std::vector<Diagnostic> refusals;  // why not: the text's errors, else the rollout's
  std::int64_t version_id = 0;       // in the studio history
  bool live = false;                 // the service now runs this procedure version
};

// Writes `text` over the file `file` of the procedure directory when it may go live,
// records it in the history as saved by `user`, and reloads the procedures.
StudioSave save_studio_text(App& app, const std::string& file, const std::string& text, const StudioCheck& check,
                            const std::string& user, Language lang);

}  // namespace izin::server
