#!/usr/bin/env python3
"""The procedure studio in a real headless Chromium, as a policy officer uses it.

Usage: studio.py IZIN_BINARY PROCEDURES_DIR OUTPUT_DIR
Copies the procedures to a temporary folder (saving writes files), starts `izin serve` on it,
makes a policy officer (role kebijakan) and a counter clerk, then: types a typo in the editor
and sees the diagnostic under its line with the hint; fixes it and sees the diagram come back
and change; sees a save with an error refused; saves a valid new version and sees it go live
for new cases while a case opened before keeps its version. Screenshots of a failed step go
to OUTPUT_DIR. Without Chromium, its driver or selenium it FAILS, saying what to install.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office_pages as op  # noqa: E402  (the browser, the server and the failure report)

OLD_LABEL, NEW_LABEL = "Pemeriksaan kelengkapan dokumen", "Cek kelengkapan berkas"


class Studio(op.Office):
    """The officer's browser, with the editor driven through the keyboard."""

    def editor_text(self):
        return self.driver.execute_script("return window.studioEditor.state.doc.toString()")

    def put_cursor_after(self, text):
        """Puts the cursor right after the first `text` in the editor and focuses it."""
        at = self.editor_text().find(text)
        if at < 0:
            raise AssertionError(f"{self.step}: {text!r} is not in the editor")
        self.driver.execute_script(
            "const v = window.studioEditor; v.focus(); v.dispatch({selection: {anchor: arguments[0]}});", at + len(text))

    def type_keys(self, *keys):
        from selenium.webdriver.common.action_chains import ActionChains
        ActionChains(self.driver).send_keys(*keys).perform()

    def wait(self, what, condition, seconds=10):
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait
        try:  # the live panels replace their nodes as the text changes: look again
            return WebDriverWait(self.driver, seconds, ignored_exceptions=(WebDriverException,)).until(
                lambda d: condition())
        except Exception:
            raise AssertionError(f"{self.step}: {what} did not happen within {seconds} s")

    def submit(self, css):
        """Scrolls the button into view first: the editor is taller than the window."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", self.find(css))
        super().submit(css)

    def diagram(self):
        # Read in one step: the live check replaces the panels at any moment.
        return self.driver.execute_script(
            "const i = document.querySelector('#studio-panels img.diagram'); return i ? i.getAttribute('src') : null;")


def open_case(clerk):
    """Opens a pbg case at the counter; its id."""
    clerk.go("/loket/pbg")
    clerk.find("input[name=isi_luas_bangunan]").send_keys("120")
    clerk.find("input[name=isi_lantai]").send_keys("2")
    clerk.submit("button[value=buka]")
    return clerk.case_id()


def edit_and_save(officer, clerk, procedures):
    from selenium.webdriver.common.keys import Keys
    officer.at("sign in as the policy officer and open pbg.izin")
    officer.sign_in("kebijakan", "rahasia-kebijakan")
    officer.go("/studio/pbg.izin")
    officer.wait("the editor", lambda: officer.finds(".cm-editor .cm-content"))
    first_diagram = officer.diagram()
    if not first_diagram:
        raise AssertionError("no diagram beside the text")

    officer.at("a typo shows its diagnostic under the line with the hint")
    officer.put_cursor_after("front_office -> perbaikan_dokume")
    officer.type_keys(Keys.BACKSPACE)
    diag = officer.wait("the diagnostic", lambda: [d for d in officer.finds(".cm-content .studio-diag.error")
                                                  if "maksud Anda 'perbaikan_dokumen'?" in d.text])[0]
    from selenium.webdriver.common.by import By
    line = diag.find_element(By.XPATH, "preceding-sibling::div[contains(@class,'cm-line')][1]")
    if "-> perbaikan_dokumn" not in line.text:
        raise AssertionError(f"the diagnostic is not under the typo's line but under {line.text!r}")
    officer.wait("the diagram to go away while the text has an error", lambda: officer.diagram() is None)

    officer.at("fixing it brings the diagram back; a new label changes it")
    officer.type_keys("e")
    officer.wait("the diagnostic to go", lambda: not officer.finds(".cm-content .studio-diag"))
    officer.wait("the diagram", lambda: officer.diagram() == first_diagram)
    officer.put_cursor_after(OLD_LABEL)
    officer.type_keys(*([Keys.BACKSPACE] * len(OLD_LABEL)), NEW_LABEL)
    officer.wait("the diagram to change", lambda: officer.diagram() not in (None, first_diagram))

    clerk.at("open a case on the running version")
    clerk.sign_in("loket", "rahasia-loket")
    before = open_case(clerk)

    officer.at("a save with an error is refused and the file is kept")
    on_disk = open(os.path.join(procedures, "pbg.izin"), encoding="utf-8").read()
    officer.put_cursor_after("front_office -> perbaikan_dokume")
    officer.type_keys(Keys.BACKSPACE)
    officer.submit("button[value=simpan]")
    officer.expect("Tidak disimpan")
    officer.expect("maksud Anda 'perbaikan_dokumen'?")
    if open(os.path.join(procedures, "pbg.izin"), encoding="utf-8").read() != on_disk:
        raise AssertionError("a refused save changed the file")

    officer.at("a valid new version is saved and goes live")
    officer.wait("the editor", lambda: officer.finds(".cm-editor .cm-content"))
    officer.put_cursor_after("front_office -> perbaikan_dokum")
    officer.type_keys("e")
    officer.put_cursor_after("procedure pbg version ")
    officer.type_keys(Keys.DELETE, "2")
    officer.wait("a clean check", lambda: "Tidak ada masalah." in officer.find("#studio-panels").text)
    officer.submit("button[value=simpan]")
    officer.expect("Tersimpan dan sudah berlaku")
    if NEW_LABEL not in open(os.path.join(procedures, "pbg.izin"), encoding="utf-8").read():
        raise AssertionError("the saved text is not in the file")

    clerk.at("a new case uses the new version, the open one keeps its own")
    after = open_case(clerk)
    clerk.go(f"/kasus/{after}")
    clerk.expect(NEW_LABEL)
    clerk.go(f"/kasus/{before}")
    clerk.expect(OLD_LABEL)
    clerk.expect(NEW_LABEL, present=False)

    officer.at("the history has both versions")
    officer.go("/studio/pbg.izin/riwayat")
    officer.expect("kebijakan")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    izin, shipped, out = sys.argv[1:]
    op.need_browser()
    with tempfile.TemporaryDirectory(prefix="izin-studio-") as tmp:
        procedures = os.path.join(tmp, "procedures")
        shutil.copytree(shipped, procedures)
        db = os.path.join(tmp, "izin.db")
        port = op.free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([izin, "serve", "--listen", f"127.0.0.1:{port}", "--db", db, "--procedures", procedures],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        drivers = []
        try:
            op.wait_until_up(base, server)
            op.add_user(izin, db, procedures, "kebijakan", ["kebijakan"], "rahasia-kebijakan")
            op.add_user(izin, db, procedures, "loket", ["front_office"], "rahasia-loket")
            drivers = [op.browser(), op.browser()]
            officer, clerk = Studio("studio", base, drivers[0]), Studio("counter", base, drivers[1])
            try:
                edit_and_save(officer, clerk, procedures)
            except Exception as e:
                for who in (officer, clerk):
                    op.report(who, out)
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
