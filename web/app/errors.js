// Shows `userErrors` next to the input their `field` path names.
//
// Error slots carry `data-error-for` with a path relative to the input
// object: "name", "conditionGroups.0", "conditionGroups.0.conditions.1.value".
// A path such as "input.conditionGroups.0.conditions.1.value.segmentId" goes
// to the slot with the longest matching prefix; errors that match no slot go
// to the form-wide slot.

import { h } from "./dom.js";
import { t } from "./i18n.js";

function relativePath(field) {
  return String(field ?? "").replace(/^input\./, "");
}

function findSlot(root, field) {
  let path = relativePath(field);
  while (path) {
    const slot = root.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
    if (slot) return slot;
    const cut = path.lastIndexOf(".");
    path = cut < 0 ? "" : path.slice(0, cut);
  }
  return null;
}

/** Removes every error shown under `root` and clears `aria-invalid`. */
export function clearErrors(root) {
  for (const slot of root.querySelectorAll("[data-error-for]")) {
    slot.replaceChildren();
    slot.hidden = true;
  }
  for (const control of root.querySelectorAll("[aria-invalid]"))
    control.removeAttribute("aria-invalid");
}

/**
 * Shows each error in its slot under `root`, else in `fallback`, and marks the
 * control that names the slot in `aria-describedby` as invalid.
 */
export function showErrors(root, errors, fallback) {
  for (const error of errors) {
    const slot = findSlot(root, error.field) ?? fallback;
    slot.append(h("span", { class: "error-line", dataset: { code: error.code } }, error.message));
    slot.hidden = false;
    if (slot.id) {
      for (const control of root.querySelectorAll(`[aria-describedby~="${CSS.escape(slot.id)}"]`)) {
        control.setAttribute("aria-invalid", "true");
      }
    }
  }
}

/** Returns an empty, hidden error slot for `path`. */
export function errorSlot(path) {
  return h("p", {
    class: "field-error",
    id: `error-${path.replaceAll(".", "-")}`,
    hidden: true,
    dataset: { errorFor: path },
  });
}

/**
 * The errors of the editor form from the last save and the last preview,
 * shown together. Both validate the same rule, so each problem shows once.
 */
export class FormErrors {
  constructor() {
    this.bySource = { save: [], preview: [] };
    this.form = null;
    this.fallback = null;
  }

  /** Shows the errors in a newly drawn `form`; `fallback` takes those that match no slot. */
  attach(form, fallback) {
    this.form = form;
    this.fallback = fallback;
    this.display();
  }

  set(source, errors) {
    this.bySource[source] = errors;
    this.display();
  }

  /** Forgets the save errors under `prefix` once the user edits that part. */
  dropSaved(prefix) {
    const kept = this.bySource.save.filter(
      (error) => !String(error.field ?? "").startsWith(prefix),
    );
    if (kept.length !== this.bySource.save.length) this.set("save", kept);
  }

  display() {
    if (!this.form) return;
    clearErrors(this.form);
    this.fallback.replaceChildren();
    this.fallback.hidden = true;

    const seen = new Set();
    const errors = [...this.bySource.save, ...this.bySource.preview].filter((error) => {
      const key = `${relativePath(error.field)} ${error.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    showErrors(this.form, errors, this.fallback);
    if (this.bySource.save.length) {
      this.fallback.prepend(h("span", { class: "error-line" }, t("editor.fixErrors")));
      this.fallback.hidden = false;
    }
  }
}
