// Survey responses in tables of their own inside the izin database file, on a
// connection of their own, with their own schema version.
#include <sqlite3.h>

#include "survey_batch.hpp"

namespace izin::standards {
namespace {

constexpr int kSchemaVersion = 1;

// case_id is unique when given: one answer per case, enforced by the database too.
const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS survey_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS survey_responses (
  id INTEGER PRIMARY KEY, case_id TEXT, service TEXT NOT NULL, date TEXT NOT NULL,
  u1 INTEGER NOT NULL, u2 INTEGER NOT NULL, u3 INTEGER NOT NULL, u4 INTEGER NOT NULL, u5 INTEGER NOT NULL,
  u6 INTEGER NOT NULL, u7 INTEGER NOT NULL, u8 INTEGER NOT NULL, u9 INTEGER NOT NULL,
  sex TEXT NOT NULL, age_group TEXT NOT NULL, education TEXT NOT NULL, occupation TEXT NOT NULL,
  suggestion TEXT NOT NULL, source TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS survey_one_per_case ON survey_responses(case_id) WHERE case_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS survey_by_date ON survey_responses(date);
)";

// One prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw SurveyError(std::string("survey: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, int value) {
    sqlite3_bind_int(stmt_, i, value);
    return *this;
  }
  Statement& bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  bool row() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw SurveyError(std::string("survey: ") + sqlite3_errmsg(db_));
    return false;
  }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  int integer(int col) const { return sqlite3_column_int(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

SurveyResponse response_from(const Statement& s) {
  SurveyResponse r;
  r.case_id = s.text(0);
  r.service = s.text(1);
  r.date = Date::parse(s.text(2)).value_or(Date{});
  for (int e = 0; e < 9; ++e) r.answers[static_cast<std::size_t>(e)] = s.integer(3 + e);
  r.sex = s.text(12);
  r.age_group = s.text(13);
  r.education = s.text(14);
  r.occupation = s.text(15);
  r.suggestion = s.text(16);
  r.source = parse_source(s.text(17)).value_or(SurveySource::Imported);
  return r;
}

class SqliteSurveyStore final : public SurveyStore {
 public:
  explicit SqliteSurveyStore(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw SurveyError("cannot open the survey in " + path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
    try {
      prepare(path);
    } catch (...) {
      sqlite3_close(db_);  // the destructor does not run for a refused constructor
      throw;
    }
  }
  ~SqliteSurveyStore() override { sqlite3_close(db_); }
  SqliteSurveyStore(const SqliteSurveyStore&) = delete;
  SqliteSurveyStore& operator=(const SqliteSurveyStore&) = delete;

  // Creates the tables on first use; refuses a survey schema newer than ours.
  void prepare(const std::string& path) {
    exec(kSchema);
    Statement v(db_, "SELECT version FROM survey_schema");
    if (!v.row()) {
      exec("INSERT INTO survey_schema VALUES (" + std::to_string(kSchemaVersion) + ")");
    } else if (v.integer(0) > kSchemaVersion) {
      throw SurveyError("the survey in " + path + " has schema " + std::to_string(v.integer(0)) + ", newer than this izin knows (" +
                        std::to_string(kSchemaVersion) + "): upgrade izin");
    }
  }

  void add(const std::vector<SurveyResponse>& batch) override {
    detail::check_batch(batch, [this](const std::string& id) { return answered(id); });
    exec("BEGIN IMMEDIATE");
    try {
      for (const auto& r : batch) insert(r);
      exec("COMMIT");
    } catch (...) {
      exec("ROLLBACK");
      throw;
    }
  }
  bool answered(const std::string& case_id) override {
    Statement s(db_, "SELECT 1 FROM survey_responses WHERE case_id = ?");
    return s.bind(1, case_id).row();
  }
  std::vector<SurveyResponse> responses(Date first, Date last) override {
    Statement s(db_,
                "SELECT case_id, service, date, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_group, education,"
                " occupation, suggestion, source FROM survey_responses WHERE date BETWEEN ? AND ? ORDER BY date, id");
    s.bind(1, first.to_string()).bind(2, last.to_string());
    std::vector<SurveyResponse> out;
    while (s.row()) out.push_back(response_from(s));
    return out;
  }

 private:
  void insert(const SurveyResponse& r) {
    Statement s(db_,
                "INSERT INTO survey_responses (case_id, service, date, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex,"
                " age_group, education, occupation, suggestion, source)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (r.case_id.empty()) s.bind_null(1); else s.bind(1, r.case_id);
    s.bind(2, r.service).bind(3, r.date.to_string());
    for (int e = 0; e < 9; ++e) s.bind(4 + e, r.answers[static_cast<std::size_t>(e)]);
    s.bind(13, r.sex).bind(14, r.age_group).bind(15, r.education).bind(16, r.occupation);
    s.bind(17, r.suggestion).bind(18, std::string(source_name(r.source))).row();
  }
  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string why = error ? error : "unknown error";
      sqlite3_free(error);
      throw SurveyError("survey: " + why);
    }
  }
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<SurveyStore> open_sqlite_survey_store(const std::string& path) {
  return std::make_unique<SqliteSurveyStore>(path);
}

}  // namespace izin::standards
