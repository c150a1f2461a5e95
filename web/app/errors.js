// Shows `userErrors` next to the input their `field` path names.
//
// Error slots carry `data-error-for` with a path relative to the input
// object: "name", "conditionGroups.0", "conditionGroups.0.conditions.1.value".
// A path such as "input.conditionGroups.0.conditions.1.value.segmentId" goes
// to the slot with the longest matching prefix; errors that match no slot go
// to the form-wide slot.

import { h } from "./dom.js";

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
  for (const control of root.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
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
