// The words people read in izin's output (command line, office report,
// diagrams, scenario runs), in English and Indonesian: one catalogue per
// language, so no front end spells its own.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "izin/diagnostic.hpp"
#include "izin/outcome.hpp"
#include "izin/time.hpp"

namespace izin {

// Every phrase of the catalogue; {0}, {1}, … are filled in by `phrase`.
enum class Word : std::uint16_t {
  // Cases at the command line.
  CaseOpened, Notified, Refused, Missing, OfficeObtains, NotMet, CaseHeader, CaseClosed, OpenEvent, HistoryHeader, HistoryLine,
  SlaLine, SlaPaused, SlaRunning, SlaNotStarted, SlaNone, SlaOverdue, SlaClosedInTime, Provisional,
  PendingHeader, PendingTransition, PendingNotify, FeesHeader, FeeUnknown, FeeError, EventsHeader,
  EventsNone, EventBy, AnyRole, Or, Tick, Replayed, Mismatch, Quarantined, ListClosed, Deemed, Repeated,
  TickSkipped, DoctorLine, DoctorRepaired, DoctorNotRepaired, DoctorSummary, DoctorRepairedCount, JournalEmpty,
  BackedUp, Restored,
  // `izin deadlines`: the dates told at the counter.
  DeadlinesHeader, DeadlinesOpened, DeadlinesPaused, DeadlinesConditional, DeadlinesByEnd, DeadlinesAssumed,
  DeadlinesOutcome, DeadlinesSla, DeadlinesPausedDays,
  // Scenario runs.
  TestPassed, TestFailed, Coverage, NotExercised, TestSummary, ExpectRefused, ExpectAccepted, ExpectMissingAccepted,
  ExpectMissingRefused, ExpectMissingGot, ExpectFeeNone, ExpectFeeNoAmount, FeeNeeds, ExpectFeeGot, ExpectSlaNone,
  NoSlaDeclared, SlaClockNotStarted, ExpectSlaGot, ExpectStateGot, ExpectOutcomeOpen, ExpectOutcomeGot,
  ExpectDeemedGot, ExpectNotifiedGot, ExpectBecauseAccepted, ExpectBecauseGot, ExpectSlaMetGot, SlaMetOpen,
  SlaMetLate, SlaMetInTime, StepRefused, CaseNotStored, StepBeforePrevious, CaseNotOpened, Unknown,
  RefusedPlain, Yes, No,
  // Diagrams.
  By, Requires, Set, After, Notify, Initial, OutcomeIs, ClockPaused, DeemedMark, Legend, LegendEvent,
  LegendDeadline, LegendEscalation, LegendDeemed, LegendPaused, LegendFinal, MarkDeadline, MarkEscalation, MarkDeemed,
  MarkPaused, MarkFinal,
  // The demo and the office report.
  DemoHeader, ReportTitle, ReportProcedure, ReportCases, ReportClosed, ReportOverdue, ReportSlaMet,
  ReportAverage, ReportDeemed, ReportEscalations, ReportStates, ReportMissing, ReportNone, ReportRefusals,
  ReportRefusalLine, ReportWaiting, ReportWaitingLine, ReportProvisional,
  // Refusal reasons in a few words, for reports.
  ReasonGuard, ReasonGuardRules, ReasonMissing, ReasonRole, ReasonNoEvent, ReasonClosed, ReasonOther,
};

// The phrase in `lang`, with {0}, {1}, … replaced by `args`.
std::string phrase(Word word, Language lang, std::initializer_list<std::string_view> args = {});

// "3 working days", "1 day", "2 hours" (or "3 hari kerja", "1 hari", "2 jam").
std::string duration_text(const Duration& d, Language lang);

// "Monday 2026-03-16" (or "Senin 2026-03-16").
std::string day_text(Date d, Language lang);

// An outcome id as a person reads it (granted → "diterbitkan" in Indonesian);
// ids the catalogue does not know are shown as written in the procedure.
std::string outcome_text(std::string_view outcome, Language lang);

// Why an event was refused, in a few words ("missing documents"), by code.
std::string refusal_reason(RefusalCode code, Language lang);

// A deadline as the history stores it ("after 26 working days") in `lang`.
std::string deadline_event_text(std::string_view stored, Language lang);

}  // namespace izin

#pragma GCC visibility pop
