// izin lsp's answers on the shipped procedures: diagnostics, hover,
// definition, references, completion, symbols, formatting, life cycle.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include "client.hpp"
#include "izin/load.hpp"
#include "izin/lsp/analysis.hpp"
#include "izin/lsp/format.hpp"

using lsp_test::Client;
using lsp_test::find_position;
using lsp_test::json;

namespace {
const std::string kPbg = lsp_test::shipped("pbg.izin");
const std::string kPbgUri = lsp_test::uri_of(kPbg);

std::set<std::string> labels_of(const json& completion) {
  std::set<std::string> out;
  for (const auto& item : completion.at("items")) out.insert(item.at("label").get<std::string>());
  return out;
}
}  // namespace

TEST_CASE("initialize advertises what izin lsp answers") {
  Client client;
  CHECK(client.capabilities.at("hoverProvider") == true);
  CHECK(client.capabilities.at("definitionProvider") == true);
  CHECK(client.capabilities.at("referencesProvider") == true);
  CHECK(client.capabilities.at("documentSymbolProvider") == true);
  CHECK(client.capabilities.at("documentFormattingProvider") == true);
  CHECK(client.capabilities.at("completionProvider").at("triggerCharacters").size() == 3);
}

TEST_CASE("every shipped procedure opens without diagnostics - and every name leads back to its declaration") {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(IZIN_SOURCE_DIR) + "/procedures")) {
    if (entry.path().extension() != ".izin") continue;
    INFO(entry.path());
    Client client;
    const std::string text = lsp_test::read_text(entry.path().string());
    const std::string uri = lsp_test::uri_of(entry.path().string());
    client.open(uri, text);
    CHECK(client.diagnostics.at(uri).empty());
    const json symbols = client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
    REQUIRE(!symbols.empty());
    for (const auto& s : symbols) {
      const json start = s.at("selectionRange").at("start");
      const json refs = client.at("textDocument/references", uri, start["line"], start["character"],
                                  {{"context", {{"includeDeclaration", true}}}});
      REQUIRE(!refs.empty());
      for (const auto& r : refs) {
        const json def = client.at("textDocument/definition", uri, r["range"]["start"]["line"], r["range"]["start"]["character"]);
        CHECK(def.at("range") == s.at("selectionRange"));
      }
    }
  }
}

TEST_CASE("a typo gets the diagnostic izin check gives - in the client's locale") {
  const std::string broken = std::regex_replace(lsp_test::read_text(kPbg), std::regex("-> penilaian_teknis \\{"),
                                                "-> penilaian_teknik {");
  for (const auto& [locale, lang] : {std::pair{"en", izin::Language::English}, std::pair{"id-ID", izin::Language::Indonesian}}) {
    Client client(locale);
    client.open(kPbgUri, broken);
    const auto expected = izin::compile_procedure(broken, kPbg, {lang, true}).diagnostics;
    REQUIRE(!expected.empty());
    const json& got = client.diagnostics.at(kPbgUri);
    REQUIRE(got.size() == expected.size());
    CHECK(got[0]["code"] == expected[0].code);
    CHECK(got[0]["message"] == expected[0].message);
    CHECK(got[0]["severity"] == 1);
    const auto [line, character] = find_position(broken, "penilaian_teknik");
    CHECK(got[0]["range"]["start"] == json{{"line", line}, {"character", character}});
    CHECK(got[0]["range"]["end"]["character"] == character + 16);
  }
}

TEST_CASE("didChange replaces the text - in whole or by range - and diagnostics follow") {
  Client client;
  const std::string text = lsp_test::read_text(kPbg);
  client.open(kPbgUri, text);
  REQUIRE(client.diagnostics.at(kPbgUri).empty());
  client.change(kPbgUri, std::regex_replace(text, std::regex("by tpa -> sppst"), "by tpaa -> sppst"));
  REQUIRE(client.diagnostics.at(kPbgUri).size() == 1);
  // An incremental change that removes the extra `a` again.
  const auto [line, character] = find_position(text, "by tpa -> sppst", 0, 6);
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kPbgUri}, {"version", 3}}},
                 {"contentChanges", json::array({{{"range", {{"start", {{"line", line}, {"character", character}}},
                                                             {"end", {{"line", line}, {"character", character + 1}}}}},
                                                  {"text", ""}}})}});
  CHECK(client.diagnostics.at(kPbgUri).empty());
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", kPbgUri}}}});
  CHECK(client.at("textDocument/hover", kPbgUri, 0, 0).contains("error"));
}

TEST_CASE("hover shows a name's kind - label and declaration") {
  Client client;
  const std::string text = lsp_test::read_text(kPbg);
  client.open(kPbgUri, text);
  SECTION("a role where it is used") {
    const auto [line, character] = find_position(text, "by verifikator", 0, 4);
    const std::string value = client.at("textDocument/hover", kPbgUri, line, character)["contents"]["value"];
    CHECK(value.find("**role** `verifikator`") == 0);
    CHECK(value.find("roles pemohon, front_office, verifikator, tpa, kepala_dinas") != std::string::npos);
  }
  SECTION("a requirement with its condition") {
    const auto [line, character] = find_position(text, "surat_kuasa, bukti_tanah", 0, 2);
    const std::string value = client.at("textDocument/hover", kPbgUri, line, character)["contents"]["value"];
    CHECK(value.find("— Surat kuasa bermeterai") != std::string::npos);
    CHECK(value.find("when dikuasakan") != std::string::npos);
  }
  SECTION("a state at a target") {
    const auto [line, character] = find_position(text, "-> revisi_teknis", 0, 4);
    const std::string value = client.at("textDocument/hover", kPbgUri, line, character)["contents"]["value"];
    CHECK(value.find("**state** `revisi_teknis` — Pemohon merevisi rencana teknis") == 0);
  }
  SECTION("nothing on a keyword") {
    const auto [line, character] = find_position(text, "initial state");
    CHECK(client.at("textDocument/hover", kPbgUri, line, character + 2).is_null());
  }
}

TEST_CASE("hover on a rule shows its label and expression - in Indonesian when asked") {
  const std::string path = lsp_test::shipped("paud.izin");
  const std::string text = lsp_test::read_text(path);
  Client client("id");
  client.open(lsp_test::uri_of(path), text);
  const auto [line, character] = find_position(text, "rule rasio_pendidik", 0, 6);
  const std::string value = client.at("textDocument/hover", lsp_test::uri_of(path), line, character)["contents"]["value"];
  CHECK(value.find("**aturan** `rasio_pendidik` — Minimal 1 pendidik untuk setiap 15 anak") == 0);
  CHECK(value.find("jumlah_peserta_didik <= 20") != std::string::npos);  // the expression, from its continuation line
}

TEST_CASE("definition and references of a state") {
  Client client;
  const std::string text = lsp_test::read_text(kPbg);
  client.open(kPbgUri, text);
  const auto [line, character] = find_position(text, "-> ditolak", 1, 3);
  const json def = client.at("textDocument/definition", kPbgUri, line, character);
  const auto decl = find_position(text, "state ditolak", 0, 6);
  CHECK(def["uri"] == kPbgUri);
  CHECK(def["range"]["start"] == json{{"line", decl.first}, {"character", decl.second}});
  const json refs = client.at("textDocument/references", kPbgUri, line, character, {{"context", {{"includeDeclaration", false}}}});
  std::size_t arrows = 0;
  for (std::size_t at = text.find("-> ditolak"); at != std::string::npos; at = text.find("-> ditolak", at + 1)) ++arrows;
  CHECK(refs.size() == arrows);
  CHECK(client.at("textDocument/references", kPbgUri, line, character, {{"context", {{"includeDeclaration", true}}}}).size() ==
        arrows + 1);
}

TEST_CASE("completion offers the names the context asks for") {
  Client client;
  const std::string text = lsp_test::read_text(kPbg);
  client.open(kPbgUri, text);
  const auto line_of = [&](const std::string& needle) { return find_position(text, needle).first; };
  // Each probe edits one line and completes at its end.
  const auto complete_after = [&](const std::string& needle, const std::string& typed) {
    const int line = line_of(needle);
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    lines[static_cast<std::size_t>(line)] = typed;
    std::string edited;
    for (const auto& l : lines) edited += l + "\n";
    client.change(kPbgUri, edited);
    return labels_of(client.at("textDocument/completion", kPbgUri, line, static_cast<int>(typed.size())));
  };
  const std::set<std::string> states{"pemeriksaan_dokumen", "perbaikan_dokumen", "pemeriksaan_ulang", "penilaian_teknis",
                                     "revisi_teknis", "sppst", "penetapan_retribusi", "menunggu_pembayaran", "penerbitan",
                                     "terbit", "ditolak", "batal"};
  CHECK(complete_after("on tolak by tpa", "    on tolak by tpa -> ") == states);
  CHECK(complete_after("on tolak by tpa", "    on tolak by tpa -> pen") == states);
  CHECK(complete_after("on tolak by tpa", "    on tolak by ") ==
        std::set<std::string>{"pemohon", "front_office", "verifikator", "tpa", "kepala_dinas"});
  CHECK(complete_after("on tolak by tpa", "    on tolak by tpa, verifikator, ").count("kepala_dinas") == 1);
  const auto reqs = complete_after("on bayar by pemohon", "    on bayar by pemohon requires ktp, ");
  CHECK(reqs.size() == 11);
  CHECK(reqs.count("bukti_bayar") == 1);
  const auto expr = complete_after("on tolak by tpa", "    on tolak by tpa when lantai >= 3 and ");
  CHECK(expr.count("luas_bangunan") == 1);
  CHECK(expr.count("hunian") == 1);      // an enum value
  CHECK(expr.count("retribusi") == 1);   // a fee
  CHECK(expr.count("verifikator") == 0);
  CHECK(complete_after("on tolak by tpa", "    ").count("on") == 1);
  // Popped up by a typed space: names only.
  const int line = line_of("on tolak by tpa");
  CHECK(client.at("textDocument/completion", kPbgUri, line, 4, {{"context", {{"triggerKind", 2}, {"triggerCharacter", " "}}}})["items"].empty());
}

TEST_CASE("document symbols outline the states with their events") {
  Client client;
  client.open(kPbgUri, lsp_test::read_text(kPbg));
  const json symbols = client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", kPbgUri}}}});
  std::vector<std::string> states;
  json penilaian;
  for (const auto& s : symbols)
    if (s["kind"] == 5) {
      states.push_back(s["name"]);
      if (s["name"] == "penilaian_teknis") penilaian = s;
    }
  CHECK(states.size() == 12);
  CHECK(states.front() == "pemeriksaan_dokumen");
  CHECK(states.back() == "batal");
  std::vector<std::string> events;
  for (const auto& c : penilaian["children"]) events.push_back(c["name"]);
  CHECK(events == std::vector<std::string>{"setujui", "minta_revisi", "tolak"});
}

TEST_CASE("formatting answers with the formatter's text - and refuses text with syntax errors") {
  Client client;
  const std::string messy = std::regex_replace(lsp_test::read_text(kPbg), std::regex("\n  "), "\n \t ");
  client.open(kPbgUri, messy);
  const json edits = client.request("textDocument/formatting", {{"textDocument", {{"uri", kPbgUri}}}, {"options", {{"tabSize", 2}}}});
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["newText"] == izin::lsp::format_text(messy));
  CHECK(edits[0]["range"]["start"] == json{{"line", 0}, {"character", 0}});
  client.change(kPbgUri, edits[0]["newText"]);
  CHECK(client.request("textDocument/formatting", {{"textDocument", {{"uri", kPbgUri}}}}).empty());
  client.change(kPbgUri, "procedure x version 1 {\n  title \"unclosed\n}\n");
  CHECK(client.request("textDocument/formatting", {{"textDocument", {{"uri", kPbgUri}}}})["error"]["code"] == -32803);
}

TEST_CASE("shutdown then exit ends the session with status 0 - exit alone with 1") {
  Client client;
  CHECK(client.request("shutdown", json(nullptr)).is_null());
  CHECK(client.request("textDocument/hover", {})["error"]["code"] == -32600);
  client.notify("exit", json(nullptr));
  CHECK(client.session.exited());
  CHECK(client.session.exit_status() == 0);
  Client abrupt;
  abrupt.notify("exit", json(nullptr));
  CHECK(abrupt.session.exit_status() == 1);
}
