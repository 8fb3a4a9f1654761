#!/usr/bin/env python3
"""The office's pages in a real headless Chromium: the counter, the receipt, citizen
tracking, the case page's refusals and events, the worklist.

Usage: office_pages.py IZIN_BINARY PROCEDURES_DIR OUTPUT_DIR
Starts `izin serve` on a free port with a temporary database, makes two staff accounts
with `izin user add --password-stdin`, and works a case through the browser. On failure
a screenshot and the page's HTML go to OUTPUT_DIR. Without Chromium, its driver or
selenium it FAILS, saying what to install (scripts/deps.sh installs them).
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

REASON_MISSING = "missing for the browser tests: {} (scripts/deps.sh installs chromium, chromium-driver, python3-selenium)"


def need_browser():
    try:
        import selenium  # noqa: F401
    except ImportError:
        sys.exit(REASON_MISSING.format("python3-selenium (this interpreter: " + sys.executable + ")"))
    for program in ("chromium", "chromedriver"):
        if not shutil.which(program):
            sys.exit(REASON_MISSING.format(program))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base, server):
    for _ in range(100):
        if server.poll() is not None:
            sys.exit("izin serve stopped at start: " + server.stderr.read().decode(errors="replace"))
        try:
            urllib.request.urlopen(base + "/masuk", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("izin serve did not answer on " + base)


def add_user(izin, db, procedures, name, roles, password):
    args = [izin, "user", "add", name, "--db", db, "--procedures", procedures]
    for role in roles:
        args += ["--role", role]
    subprocess.run(args, input=password + "\n", text=True, check=True, capture_output=True)


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    options.add_experimental_option("prefs", {"intl.accept_languages": "id"})  # the office's language
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1600"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


class Office:
    """One browser working the office's pages, with the step it is at for the failure report."""

    def __init__(self, who, base, driver):
        self.who, self.base, self.driver, self.step = who, base, driver, "start"

    def at(self, step):
        self.step = step
        print(f"{self.who}: {step}", flush=True)

    def go(self, path):
        self.driver.get(self.base + path)

    def find(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def submit(self, css):
        """Clicks the button and waits for the next page to replace this one."""
        old = self.find("html")
        self.find(css).click()
        self.wait_for_next_page(old)

    def wait_for_next_page(self, old):
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait

        def replaced(_):
            try:
                old.is_enabled()
                return False
            except WebDriverException:  # stale, or Chromium's "node does not belong to the document"
                return True
        WebDriverWait(self.driver, 10).until(replaced)

    def text(self):
        return self.find("main").text

    def expect(self, words, present=True):
        shown = self.text()
        if (words in shown) != present:
            raise AssertionError(f"{self.step}: expected {words!r} {'on' if present else 'not on'} the page:\n{shown}")

    def sign_in(self, name, password):
        self.go("/masuk")
        self.find("input[name=nama]").send_keys(name)
        self.find("input[name=sandi]").send_keys(password)
        self.submit("form button[type=submit]")
        if "/masuk" in self.driver.current_url:
            raise AssertionError(f"{name} could not sign in: {self.text()}")

    def sign_out(self):
        self.submit("header form button")

    def case_id(self):
        # /kasus/<id>/tanda-terima
        return self.driver.current_url.split("/kasus/")[1].split("/")[0]


def work_a_case(office, citizen):
    office.at("sign in at the counter")
    office.sign_in("loket", "rahasia-loket")

    office.at("the checklist follows the number of floors")
    office.go("/loket/pbg")
    office.find("input[name=isi_lantai]").send_keys("2")
    office.submit("button[value=perbarui]")
    office.expect("Perhitungan struktur", present=False)
    floors = office.find("input[name=isi_lantai]")
    floors.clear()
    floors.send_keys("4")
    office.submit("button[value=perbarui]")
    office.expect("Perhitungan struktur")

    office.at("open a case at the counter and print its receipt")
    office.go("/loket/legalisir")
    office.find("input[name=isi_jumlah_lembar]").send_keys("3")
    office.submit("button[value=buka]")
    if "/tanda-terima" not in office.driver.current_url:
        raise AssertionError("opening did not lead to the receipt: " + office.text())
    case_id = office.case_id()
    code = office.find(".receipt .code").text
    assert len(code) == 8, code
    assert office.finds(".receipt svg.qr"), "no QR code on the receipt"
    assert office.finds("link[rel=stylesheet][href='/static/izin.css']"), "no stylesheet (with the print rules)"

    citizen.at("tracks it with the code")
    citizen.go(f"/lacak?kasus={case_id}&kode={code}")
    citizen.expect("Pencocokan salinan dengan dokumen asli")
    citizen.expect("Fotokopi dokumen yang akan dilegalisasi")  # still missing

    office.at("a wrong role is refused")
    office.go(f"/kasus/{case_id}")
    office.expect("sahkan (kepala_bidang)")  # not a form for the counter
    # A stale form (say, from before a change of roles) for an event this role may not fire:
    page = office.find("html")
    office.driver.execute_script(
        "const f = document.createElement('form'); f.method = 'post'; f.action = location.pathname + '/peristiwa';"
        "for (const [k, v] of [['csrf', document.querySelector('input[name=csrf]').value], ['peristiwa', 'sahkan']]) {"
        "  const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
        "document.body.appendChild(f); f.submit();")
    office.wait_for_next_page(page)
    office.expect("Peran yang boleh: kepala_bidang")
    office.sign_out()

    office.at("the head of section sees it in the worklist")
    office.sign_in("kabid", "rahasia-kabid")
    office.go("/kerja")
    office.submit(f"a[href='/kasus/{case_id}']")

    office.at("firing with a missing document shows the reasons")
    office.submit("form.event button[type=submit]")
    office.expect("Dokumen perizinan asli (diperlihatkan)")
    office.expect("Fotokopi dokumen yang akan dilegalisasi")

    office.at("firing as the right role with the documents moves the case")
    office.find("input[name=dok_dokumen_asli]").click()
    office.find("input[name=dok_salinan]").click()
    office.submit("form.event button[type=submit]")
    office.expect("Salinan siap diambil")

    office.at("the worklist no longer waits on the head of section")
    office.go("/kerja")
    if office.finds(f"a[href='/kasus/{case_id}']"):
        raise AssertionError("the case is still on kepala_bidang's worklist")

    citizen.at("sees the new step")
    citizen.go(f"/lacak?kasus={case_id}&kode={code}")
    citizen.expect("Salinan siap diambil")


def report(office, out):
    os.makedirs(out, exist_ok=True)
    name = f"browser-{office.who}-" + "".join(c if c.isalnum() else "-" for c in office.step)
    try:
        office.driver.save_screenshot(os.path.join(out, name + ".png"))
        with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as f:
            f.write(office.driver.page_source)
        print(f"screenshot and page of the failed step in {out}/{name}.*", file=sys.stderr)
    except Exception as e:  # the report must not hide the failure itself
        print("could not save a screenshot:", e, file=sys.stderr)


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
            drivers = [browser(), browser()]
            office, citizen = Office("office", base, drivers[0]), Office("citizen", base, drivers[1])
            try:
                work_a_case(office, citizen)
            except Exception as e:
                for who in (office, citizen):
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
