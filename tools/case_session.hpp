// What every `izin case …` and `izin tick` run shares: the store file, the
// engine with the procedures registered (hot reload), and output as text or
// one JSON object.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "izin/izin.hpp"
#include "izin/reload.hpp"

namespace izin::cli {

// Options common to the case commands.
struct CaseOptions {
  std::string db = "izin.db";
  std::string procedures = "procedures";
  bool json = false;
  bool create = false;  // --create: a missing or empty file may become a new izin database
  std::string lang;     // --lang; "" : from the environment
};

// What a command does with the database: reads never write nor wait for the
// write lock; only `case open` (or --create) makes a missing file.
enum class Access { Read, Write, Open };

// Adds --db, --procedures, --json and --lang to a subcommand; writing commands also get --create.
void add_case_options(CLI::App& cmd, CaseOptions& options, Access access = Access::Read);

// The wall clock, unless a command names the instant it works at (`tick --now`).
struct SessionClock final : Clock {
  std::optional<Instant> fixed;
  Instant now() const override { return fixed ? *fixed : SystemClock{}.now(); }
};

// An open store and an engine with every procedure version registered.
struct CaseSession {
  Language language = Language::English;
  SessionClock clock;
  std::unique_ptr<Store> store;
  std::unique_ptr<Engine> engine;
  ReloadReport loaded;  // what registering the procedure directory did (calendar warnings included)
};

// Opens the store and registers procedures (stored versions, then the directory).
std::unique_ptr<CaseSession> open_session(const CaseOptions& options, Access access);

// Runs a command body: StoreError and bad input print to stderr and exit 2.
void run_guarded(const std::function<void()>& body);

// Prints one JSON object (with --json) or the text form.
void print(const CaseOptions& options, const nlohmann::json& json, const std::string& text);

// Every quarantined case: damaged rows the store finds, and journals that
// replay cannot read (verify and doctor). `mismatches` gets the ids of
// readable cases whose replay differs from what is stored, when given.
std::vector<DamagedCase> quarantined_cases(CaseSession& s, std::vector<std::string>* mismatches = nullptr,
                                           std::size_t* replayed = nullptr);

// The state id of a case ("" when its procedure version is unknown).
std::string state_of(const Engine& engine, const Case& c);

// An instant in the case's office time ("2026-03-17 10:00 WITA"); UTC ISO when its calendar is unknown.
std::string local_time(const Engine& engine, const Case& c, Instant t);

}  // namespace izin::cli
