#!/usr/bin/env python3
"""The head of office's page and the inbox in a real headless Chromium.

Usage: head_of_office.py IZIN_BINARY PROCEDURES_DIR OUTPUT_DIR
Starts `izin serve` like office_pages.py, then: the head of office (kepala_dinas) sees the
legalisir row of /pimpinan count a case the counter opened; the counter is refused the page;
`izin tick --now` (the cron command, five hours ahead on the same database) fires the case's
"after 4 hours notify kepala_bidang", and the head of section finds it in /kotak-masuk, counted
in the header, linking to the case. On failure a screenshot and the HTML go to OUTPUT_DIR.
"""
import datetime
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office_pages import Office, add_user, browser, free_port, need_browser, report, wait_until_up  # noqa: E402


def legalisir_cell(head, css):
    head.go("/pimpinan")
    return head.find(f"tr[data-layanan=legalisir] td.{css}").text


def expect_equal(step, got, wanted):
    if got != wanted:
        raise AssertionError(f"{step}: expected {wanted!r}, got {got!r}")


def tick_ahead(izin, db, procedures, hours):
    now = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=hours)
    subprocess.run([izin, "tick", "--db", db, "--procedures", procedures, "--now", now.strftime("%Y-%m-%dT%H:%M:%SZ")],
                   check=True, capture_output=True, text=True)


def dashboard_and_inbox(head, office, izin, db, procedures):
    head.at("the head of office sees the dashboard")
    head.sign_in("kadis", "rahasia-kadis")
    before = int(legalisir_cell(head, "open"))
    head.expect("Keputusan fiktif-positif bulan ini")

    office.at("the counter opens a legalisir case")
    office.sign_in("loket", "rahasia-loket")
    office.go("/loket/legalisir")
    office.find("input[name=isi_jumlah_lembar]").send_keys("2")
    office.submit("button[value=buka]")
    case_id = office.case_id()

    head.at("the dashboard counts the new open case")
    expect_equal(head.step, legalisir_cell(head, "open"), str(before + 1))
    expect_equal(head.step, head.find("tr[data-layanan=legalisir] td.overdue-count").text, "0")

    office.at("the counter is refused the head of office's page")
    office.go("/pimpinan")
    office.expect("hanya untuk pimpinan")
    if office.finds("a[href='/pimpinan']"):
        raise AssertionError("the counter's header offers /pimpinan")
    office.sign_out()

    office.at("five hours later the escalation reaches the head of section's inbox")
    tick_ahead(izin, db, procedures, 5)
    office.sign_in("kabid", "rahasia-kabid")
    expect_equal(office.step, office.find("header .inbox-count").text, "1")
    office.submit("a.inbox-link")
    office.expect("Legalisasi menunggu paraf")
    office.submit(f"main a[href='/kasus/{case_id}']")
    office.expect("Pencocokan salinan dengan dokumen asli")

    head.at("the escalation is not the head of office's")
    head.go("/kotak-masuk")
    expect_equal(head.step, head.find("header .inbox-count").text, "0")
    head.expect("Tidak ada eskalasi untuk peran Anda.")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    izin, procedures, out = sys.argv[1:]
    need_browser()
    with tempfile.TemporaryDirectory(prefix="izin-browser-") as tmp:
        db = os.path.join(tmp, "izin.db")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([izin, "serve", "--listen", f"127.0.0.1:{port}", "--db", db, "--procedures", procedures],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        drivers = []
        try:
            wait_until_up(base, server)
            add_user(izin, db, procedures, "loket", ["front_office"], "rahasia-loket")
            add_user(izin, db, procedures, "kabid", ["kepala_bidang"], "rahasia-kabid")
            add_user(izin, db, procedures, "kadis", ["kepala_dinas"], "rahasia-kadis")
            drivers = [browser(), browser()]
            head, office = Office("head", base, drivers[0]), Office("office", base, drivers[1])
            try:
                dashboard_and_inbox(head, office, izin, db, procedures)
            except Exception as e:
                for who in (head, office):
                    report(who, out)
                print(f"FAILED: {e}", file=sys.stderr)
                return 1
            print("all steps passed")
            return 0
        finally:
            for d in drivers:
                d.quit()
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
