#!/usr/bin/env python3
"""The published service standards (/layanan/) and the satisfaction survey in a real
headless Chromium: the index, a service page and its print layout (screenshots into
OUTPUT_DIR), the 14 component headings visible in both; then a case refused at the
counter and the citizen answering the survey from the tracking page, once.

Usage: service_pages.py IZIN_BINARY PROCEDURES_DIR OUTPUT_DIR
Same harness as office_pages.py (which it reuses): a free port, a temporary database,
a staff account; on failure a screenshot and the page's HTML go to OUTPUT_DIR.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office_pages import Office, add_user, browser, free_port, need_browser, report, wait_until_up  # noqa: E402


def expect_on_body(page, words):
    """The published pages have no <main> on the index: look at the whole body."""
    shown = page.find("body").text
    if words not in shown:
        raise AssertionError(f"{page.step}: expected {words!r} on the page:\n{shown}")


def visible_headings(page):
    return [h.text for h in page.finds("main h2") if h.is_displayed()]


def check_components(page, where):
    shown = visible_headings(page)
    numbers = [h.split(".")[0] for h in shown]
    if numbers != [str(n) for n in range(1, 15)]:
        raise AssertionError(f"{where}: expected the 14 component headings 1..14 visible, got {shown}")


def service_pages(citizen, out):
    citizen.at("the index of services under /layanan/")
    citizen.go("/layanan/")
    expect_on_body(citizen, "Standar Pelayanan")
    citizen.submit("a[href='pbg.html']")
    if not citizen.driver.current_url.endswith("/layanan/pbg.html"):
        raise AssertionError("the index's link did not lead to /layanan/pbg.html: " + citizen.driver.current_url)

    citizen.at("a service page shows its 14 components")
    check_components(citizen, "screen")
    citizen.driver.save_screenshot(os.path.join(out, "service-page.png"))

    citizen.at("its print layout still shows the 14 components")
    citizen.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        check_components(citizen, "print")
        if citizen.find("nav").is_displayed():
            raise AssertionError("the navigation is printed")
        citizen.driver.save_screenshot(os.path.join(out, "service-page-print.png"))
    finally:
        citizen.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    citizen.at("the English version through the page's link")
    citizen.submit("a[href='en/pbg.html']")
    check_components(citizen, "English")
    expect_on_body(citizen, "Service Standard")


def survey(office, citizen):
    from selenium.webdriver.common.by import By
    office.at("open a case at the counter")
    office.sign_in("loket", "rahasia-loket")
    office.go("/loket/legalisir")
    office.find("input[name=isi_jumlah_lembar]").send_keys("2")
    office.submit("button[value=buka]")
    case_id = office.case_id()
    code = office.find(".receipt .code").text

    citizen.at("no survey while the case is open")
    citizen.go(f"/lacak?kasus={case_id}&kode={code}")
    if citizen.finds("form[action='/lacak/survei']"):
        raise AssertionError("the survey is offered for an open case")

    office.at("refuse the case: a decision closes it")
    office.go(f"/kasus/{case_id}")
    old = office.find("html")
    office.driver.find_element(By.XPATH, "//form[@class='event'][input[@name='peristiwa'][@value='tolak']]//button").click()
    office.wait_for_next_page(old)

    citizen.at("the tracking page invites the survey")
    citizen.go(f"/lacak?kasus={case_id}&kode={code}")
    citizen.expect("Survei Kepuasan Masyarakat")
    citizen.expect("Sangat sesuai")

    citizen.at("answer the nine questions and the profile")
    for element, answer in enumerate([4, 3, 3, 4, 3, 4, 4, 3, 2], start=1):
        citizen.find(f"input[name=u{element}][value='{answer}']").click()
    from selenium.webdriver.support.ui import Select
    Select(citizen.find("select[name=jenis_kelamin]")).select_by_value("P")
    Select(citizen.find("select[name=pendidikan]")).select_by_value("S1")
    citizen.find("textarea[name=saran]").send_keys("<b>Lebih cepat</b> & ramah")
    citizen.submit("form[action='/lacak/survei'] button[type=submit]")
    citizen.expect("Terima kasih, penilaian Anda")
    if citizen.finds("form[action='/lacak/survei']"):
        raise AssertionError("the survey is still offered after the answer")

    citizen.at("the tracking page later says it was answered")
    citizen.go(f"/lacak?kasus={case_id}&kode={code}")
    citizen.expect("Terima kasih, penilaian Anda")
    if citizen.finds("form[action='/lacak/survei']"):
        raise AssertionError("the survey is offered a second time")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    izin, procedures, out = sys.argv[1:]
    need_browser()
    os.makedirs(out, exist_ok=True)
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
            drivers = [browser(), browser()]
            office, citizen = Office("office", base, drivers[0]), Office("citizen", base, drivers[1])
            try:
                service_pages(citizen, out)
                survey(office, citizen)
            except Exception as e:
                for who in (office, citizen):
                    report(who, out)
                print(f"FAILED: {e}", file=sys.stderr)
                return 1
            print(f"all steps passed; screenshots in {out}")
            return 0
        finally:
            for d in drivers:
                d.quit()
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
