// The protocol's edges: framing, malformed JSON-RPC, unknown methods, order,
// huge documents and messages, scenario files.
#include <catch2/catch.hpp>

#include <chrono>
#include <regex>
#include <set>
#include <sstream>

#include "client.hpp"

using lsp_test::Client;
using lsp_test::json;

TEST_CASE("malformed JSON is a ParseError with a null id - and the session goes on") {
  Client client;
  for (const std::string body : {"{not json", "", "\xff\xfe", "[1, 2"}) {
    const auto out = client.send(body);
    REQUIRE(out.size() == 1);
    CHECK(out[0]["error"]["code"] == -32700);
    CHECK(out[0]["id"].is_null());
  }
  CHECK(client.request("shutdown", json(nullptr)).is_null());
}

TEST_CASE("JSON that is not a request is an InvalidRequest - a client's response is not answered") {
  Client client;
  for (const std::string body : {"42", "[]", "{\"id\": 7}", "{\"id\": 7, \"method\": 3}"}) {
    const auto out = client.send(body);
    REQUIRE(out.size() == 1);
    CHECK(out[0]["error"]["code"] == -32600);
  }
  CHECK(client.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":null}").empty());
}

TEST_CASE("an unknown method is MethodNotFound - an unknown notification is ignored") {
  Client client;
  CHECK(client.request("textDocument/rename", {{"textDocument", {{"uri", "file:///x.izin"}}}})["error"]["code"] == -32601);
  CHECK(client.send(R"({"jsonrpc":"2.0","method":"$/unknownThing","params":{}})").empty());
}

TEST_CASE("requests before initialize are refused - bad params are InvalidParams") {
  izin::lsp::Session session;
  const auto out = session.handle(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})");
  REQUIRE(out.size() == 1);
  CHECK(out[0]["error"]["code"] == -32002);
  Client client;
  CHECK(client.request("textDocument/hover", {{"textDocument", 3}})["error"]["code"] == -32602);
  CHECK(client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///none.izin"}}}, {"position", {{"line", 0}, {"character", 0}}}})["error"]["code"] == -32602);
  // A didOpen without text opens nothing; the problem goes to the client's log, never as a response.
  const auto logged = client.send(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.izin"}}})");
  REQUIRE(logged.size() == 1);
  CHECK(logged[0]["method"] == "window/logMessage");
  CHECK(!logged[0].contains("id"));
  CHECK(client.at("textDocument/hover", "file:///a.izin", 0, 0)["error"]["code"] == -32602);
}

TEST_CASE("a 5 MB document is refused with a diagnostic - quickly") {
  Client client;
  std::string huge = lsp_test::read_text(lsp_test::shipped("pbg.izin"));
  while (huge.size() < 5 * 1024 * 1024) huge += "# padding comment line to make the document very large indeed\n";
  const auto start = std::chrono::steady_clock::now();
  client.open("file:///tmp/huge.izin", huge);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const json& d = client.diagnostics.at("file:///tmp/huge.izin");
  REQUIRE(d.size() == 1);
  CHECK(d[0]["code"] == "IZ003");
  CHECK(std::string(d[0]["message"]).find("too large") != std::string::npos);
  CHECK(seconds < 2.0);
  CHECK(client.at("textDocument/hover", "file:///tmp/huge.izin", 20, 4).is_null());
  CHECK(client.request("textDocument/formatting", {{"textDocument", {{"uri", "file:///tmp/huge.izin"}}}}).is_null());
}

TEST_CASE("serve reads framed messages until exit and frames its answers") {
  const auto msg = [](const json& j) { return izin::lsp::frame(j); };
  std::stringstream in;
  in << msg({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}})
     << "Content-Length: 9\r\n\r\n{broken!!"
     << msg({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}})
     << msg({{"jsonrpc", "2.0"}, {"method", "exit"}})
     << msg({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}});  // after exit: never read
  std::stringstream out;
  CHECK(izin::lsp::serve(in, out, {}) == 0);
  std::vector<json> answers;
  while (const auto body = izin::lsp::read_frame(out, 1 << 20)) answers.push_back(json::parse(*body));
  REQUIRE(answers.size() == 3);
  CHECK(answers[0]["id"] == 1);
  CHECK(answers[1]["error"]["code"] == -32700);
  CHECK(answers[2]["id"] == 2);
}

TEST_CASE("a message over the size limit is skipped and answered as a parse error") {
  izin::lsp::SessionOptions options;
  options.max_message_bytes = 1000;
  std::stringstream in;
  in << izin::lsp::frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"padding", std::string(2000, 'x')}}}})
     << izin::lsp::frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "initialize"}, {"params", json::object()}});
  std::stringstream out;
  CHECK(izin::lsp::serve(in, out, options) == 1);  // input ended without exit
  const auto first = izin::lsp::read_frame(out, 1 << 20);
  const auto second = izin::lsp::read_frame(out, 1 << 20);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(json::parse(*first)["error"]["code"] == -32700);
  CHECK(json::parse(*second)["id"] == 2);
}

TEST_CASE("a scenario file gets izin test's diagnostics for the names it uses") {
  const std::string path = lsp_test::shipped("pbg.test.yaml");
  const std::string uri = lsp_test::uri_of(path);
  const std::string text = lsp_test::read_text(path);
  Client client;
  client.open(uri, text);
  CHECK(client.diagnostics.at(uri).empty());
  const std::string wrong = std::regex_replace(text, std::regex("event: minta_revisi"), "event: minta_revisii", std::regex_constants::format_first_only);
  client.change(uri, wrong);
  const json& d = client.diagnostics.at(uri);
  REQUIRE(d.size() == 1);
  CHECK(d[0]["code"] == "IZ291");
  CHECK(d[0]["range"]["start"]["line"] == lsp_test::find_position(wrong, "minta_revisii").first);
  client.change(uri, "procedure: pbg\ncases: [");
  CHECK(client.diagnostics.at(uri)[0]["code"] == "IZ090");
}

TEST_CASE("in a scenario file - event - state - role and document names of its procedure complete") {
  const std::string path = lsp_test::shipped("pbg.test.yaml");
  const std::string uri = lsp_test::uri_of(path);
  const std::string text = lsp_test::read_text(path);
  Client client;
  client.open(uri, text);
  const auto labels = [&](const std::string& needle, int offset) {
    const auto [line, character] = lsp_test::find_position(text, needle, 0, offset);
    std::set<std::string> out;
    const json result = client.at("textDocument/completion", uri, line, character);
    for (const auto& item : result["items"]) out.insert(item["label"].get<std::string>());
    return out;
  };
  const auto events = labels("event: minta_revisi", 7);
  CHECK(events.count("minta_revisi") == 1);
  CHECK(events.count("terbitkan_sppst") == 1);
  CHECK(events.count("penilaian_teknis") == 0);
  const auto states = labels("state: revisi_teknis", 10);  // mid-word: the word typed so far does not count
  CHECK(states.size() == 12);
  CHECK(labels("by: tpa", 4) == std::set<std::string>{"pemohon", "front_office", "verifikator", "tpa", "kepala_dinas"});
  CHECK(labels("documents: [bukti_bayar]", 12).size() == 11);
  CHECK(labels("name: usaha", 6).empty());
}
