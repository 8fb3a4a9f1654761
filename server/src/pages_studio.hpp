// The studio for policy staff (role kebijakan): procedure files in an editor, their
// consequences beside the text, saving new versions, their history, and the guide.
#pragma once

#include <kainjow/mustache.hpp>

#include "app.hpp"
#include "studio_check.hpp"

namespace izin::server {

// Whether the caller may use the studio.
bool studio_allowed(const Caller& caller);

// The diagnostics of a posted text and every panel beside it, as the studio_panels template reads them.
kainjow::mustache::data studio_view(App& app, const StudioCheck& check, const std::string& file,
                                    const std::map<std::string, std::string>& form, bool compare, Language lang);

Response studio_list(App& app, Call& call);          // GET /studio
Response studio_editor(App& app, Call& call);        // GET /studio/{file}
Response studio_submit(App& app, Call& call);        // POST /studio/{file}: check, compare or save
Response studio_history_page(App& app, Call& call);  // GET /studio/{file}/riwayat
Response studio_diff_page(App& app, Call& call);     // GET /studio/{file}/beda?dari=&ke=
Response studio_guide_page(App& app, Call& call);    // GET /studio/panduan
Response studio_script(App& app, Call& call);        // GET /static/studio.js

}  // namespace izin::server
