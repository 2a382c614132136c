// The code editor of the book's pages: CodeMirror 6 (the editor JupyterLab uses), from npm,
// bundled by book/_ext/runner.py with esbuild into _static/editor.js (no CDN).
//
// window.BookEditor.create(parent, {doc, labelledBy, describedBy, onChange, onRun})
//   -> {getCode(), setCode(text), focus(), view}
// window.BookEditor.textOf(element) -> the text of the editor inside element
// Python highlighting in a high-contrast palette, bracket matching, Tab indents; Escape, then
// Tab, leaves the editor (CodeMirror's own rule, which the page's help line tells); Shift+Enter
// or Ctrl+Enter runs (or checks).
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, drawSelection, highlightActiveLine, lineNumbers } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { tags } from "@lezer/highlight";

// Every colour at least 7:1 against the white background (WCAG AAA for text).
const contrast = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: "#002a8c", fontWeight: "bold" },
  { tag: [tags.string, tags.special(tags.string)], color: "#0b5a0b" },
  { tag: tags.comment, color: "#4a4a4a", fontStyle: "italic" },
  { tag: [tags.number, tags.bool, tags.null], color: "#7a0c0c" },
  { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))], color: "#5a1a80" },
  { tag: tags.definition(tags.variableName), color: "#003b4f" },
  { tag: tags.operator, color: "#222222" },
  { tag: tags.invalid, color: "#ffffff", backgroundColor: "#a00000" },
]);

const theme = EditorView.theme({
  "&": { color: "#111111", backgroundColor: "#ffffff", border: "1px solid #555555", borderRadius: "0.2rem", fontSize: "0.9em" },
  "&.cm-focused": { outline: "3px solid #1a5fb4", outlineOffset: "1px" },
  ".cm-content": { fontFamily: "var(--pst-font-family-monospace, monospace)", caretColor: "#000000" },
  ".cm-gutters": { backgroundColor: "#f1f1f1", color: "#444444", borderRight: "1px solid #bbbbbb" },
  ".cm-activeLine": { backgroundColor: "#eef4fc" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "#ffe08a", outline: "1px solid #6b5200" },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "#ffc9c9" },
  "&.cm-focused .cm-selectionBackground, ::selection": { backgroundColor: "#b8d3f5" },
});

function create(parent, options) {
  const { doc = "", labelledBy, describedBy, onChange = () => {}, onRun = () => {} } = options || {};
  const run = () => {
    onRun();
    return true;
  };
  const attributes = { "aria-multiline": "true", spellcheck: "false", autocapitalize: "off", autocorrect: "off" };
  if (labelledBy) attributes["aria-labelledby"] = labelledBy;
  if (describedBy) attributes["aria-describedby"] = describedBy;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        indentUnit.of("    "),
        bracketMatching(),
        python(),
        syntaxHighlighting(contrast),
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(attributes),
        keymap.of([
          { key: "Shift-Enter", run },
          { key: "Mod-Enter", run },
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
        ]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
      ],
    }),
  });
  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
}

// The text of the editor inside `element` (for the tests and tools), or null.
function textOf(element) {
  const dom = element && element.querySelector(".cm-editor");
  const view = dom && EditorView.findFromDOM(dom);
  return view ? view.state.doc.toString() : null;
}

window.BookEditor = Object.freeze({ create, textOf });
