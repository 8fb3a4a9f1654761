// The studio's editor: CodeMirror 6 over the page's plain textarea (which keeps working without
// JavaScript), .izin colouring, diagnostics under their lines, and the live panels beside it.
// Built once into server/static/studio.js by `npm run build`; nothing is fetched at run time.
import {EditorView, keymap, lineNumbers, highlightActiveLine, Decoration, WidgetType} from "@codemirror/view";
import {EditorState, StateField, StateEffect} from "@codemirror/state";
import {StreamLanguage, syntaxHighlighting} from "@codemirror/language";
import {classHighlighter} from "@lezer/highlight";
import {defaultKeymap, history, historyKeymap} from "@codemirror/commands";

const declarations = /^(procedure|version|title|legal|product|calendar|sla|roles|data|requirements|rule|fee|initial|state|final|outcome)\b/;
const control = /^(on|by|when|requires|after|notify|deemed|set|clock|paused|from|working|days?|hours?|optional|internal|and|or|not)\b/;
const types = /^(number|integer|text|bool|date|enum)\b/;

// .izin as a stream language: comments, labels, numbers, keywords, types, arrows.
const izin = StreamLanguage.define({
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match("#")) { stream.skipToEnd(); return "comment"; }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
    if (stream.match(/^\d+(\.\d+)?/)) return "number";
    if (stream.match(declarations)) return "keyword";
    if (stream.match(control)) return "controlKeyword";
    if (stream.match(types)) return "typeName";
    if (stream.match(/^(true|false)\b/)) return "bool";
    if (stream.match("->")) return "operator";
    if (stream.match(/^[a-z_][a-z0-9_]*/)) return "variableName";
    stream.next();
    return null;
  },
});

// One diagnostic shown as a block under its line: code, message and the fix hint.
class DiagnosticWidget extends WidgetType {
  constructor(d) { super(); this.d = d; }
  eq(other) { return JSON.stringify(other.d) === JSON.stringify(this.d); }
  toDOM() {
    const div = document.createElement("div");
    div.className = "studio-diag " + this.d.severity;
    const what = document.createElement("span");
    what.textContent = this.d.code + ": " + this.d.message;
    div.appendChild(what);
    if (this.d.hint) {
      const hint = document.createElement("span");
      hint.className = "studio-hint";
      hint.textContent = this.d.hint;
      div.appendChild(hint);
    }
    return div;
  }
}

const showDiagnostics = StateEffect.define();

function decorate(doc, diagnostics) {
  const marks = [];
  for (const d of diagnostics) {
    const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
    marks.push(Decoration.line({class: "studio-line-" + d.severity}).range(line.from));
    marks.push(Decoration.widget({widget: new DiagnosticWidget(d), block: true, side: 1}).range(line.to));
  }
  return Decoration.set(marks, true);
}

const diagnosticField = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(showDiagnostics)) value = decorate(tr.state.doc, e.value);
    return value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Posts the text and the panel's form to the live endpoint; shows what comes back.
function liveUpdater(form, view, panels) {
  let timer = null, asked = 0;
  const csrf = form.querySelector("input[name=csrf]").value;
  async function run() {
    const ticket = ++asked;
    const fields = {};
    for (const [k, v] of new FormData(form)) if (k !== "teks" && k !== "csrf") fields[k] = v;
    const res = await fetch("/api/v1/studio/live", {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify({file: form.dataset.file, text: view.state.doc.toString(), form: fields}),
    });
    if (ticket !== asked || !res.ok) return;  // a newer request is on its way, or this one failed
    const answer = await res.json();
    view.dispatch({effects: showDiagnostics.of(answer.diagnostics)});
    const focused = document.activeElement && document.activeElement.name;
    panels.innerHTML = answer.panels;  // rendered and escaped by the server's templates
    if (focused) { const again = panels.querySelector(`[name="${CSS.escape(focused)}"]`); if (again) again.focus(); }
    document.body.dataset.studioChecked = String(ticket);
  }
  return () => { clearTimeout(timer); timer = setTimeout(run, 300); };
}

// The guide beside the editor, each izin example with an "insert" button.
async function openGuide(button, view) {
  const box = document.getElementById("studio-guide");
  if (!box.hidden) { box.hidden = true; return; }
  const page = await (await fetch(button.dataset.href, {credentials: "same-origin"})).text();
  const guide = new DOMParser().parseFromString(page, "text/html").querySelector(".guide");
  box.replaceChildren(guide);
  for (const code of guide.querySelectorAll("pre > code.language-izin")) {
    const insert = document.createElement("button");
    insert.type = "button";
    insert.className = "secondary studio-insert";
    insert.textContent = button.dataset.insert;
    insert.addEventListener("click", () => {
      const at = view.state.selection.main.head;
      view.dispatch({changes: {from: at, insert: code.textContent}, selection: {anchor: at + code.textContent.length}});
      view.focus();
    });
    code.parentElement.after(insert);
  }
  box.hidden = false;
}

function start() {
  const form = document.getElementById("studio-form");
  if (!form) return;
  const textarea = form.querySelector("textarea[name=teks]");
  const panels = document.getElementById("studio-panels");
  let changed = () => {};
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      // Static class names (tok-keyword, …) styled in izin.css: the pages' CSP lets no script inject styles.
      extensions: [lineNumbers(), history(), highlightActiveLine(), izin,
        syntaxHighlighting(classHighlighter), diagnosticField, keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.updateListener.of((u) => { if (u.docChanged) { textarea.value = u.state.doc.toString(); changed(); } })],
    }),
  });
  textarea.hidden = true;
  textarea.after(view.dom);
  changed = liveUpdater(form, view, panels);
  panels.addEventListener("input", changed);
  panels.addEventListener("change", changed);
  form.addEventListener("submit", () => { textarea.value = view.state.doc.toString(); });
  const guide = document.getElementById("studio-guide-button");
  if (guide) guide.addEventListener("click", () => openGuide(guide, view));
  window.studioEditor = view;  // for the browser test and the curious
  changed();
}

document.addEventListener("DOMContentLoaded", start);
