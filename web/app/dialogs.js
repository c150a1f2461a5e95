// Modal dialogs on the page's single <dialog>: the delete confirmation and
// the per-id results of a delete. <dialog> keeps keyboard focus inside and
// closes on Escape.

import { h, replaceChildren } from "./dom.js";
import { t } from "./i18n.js";

const dialog = () => document.getElementById("dialog");

/** Asks to delete the named segments; resolves to true when the user confirms. */
export function confirmDelete(segments) {
  const element = dialog();
  const title =
    segments.length === 1
      ? t("confirm.titleOne")
      : t("confirm.titleMany", { count: segments.length });
  return new Promise((resolve) => {
    const finish = (confirmed) => {
      element.close();
      resolve(confirmed);
    };
    replaceChildren(
      element,
      h("h2", { id: "dialog-title" }, title),
      h(
        "ul",
        { class: "dialog-names" },
        segments.map((segment) => h("li", {}, segment.name)),
      ),
      h("p", {}, t("confirm.body")),
      h(
        "div",
        { class: "dialog-actions" },
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            id: "confirm-cancel",
            onClick: () => finish(false),
          },
          t("confirm.cancel"),
        ),
        h(
          "button",
          { type: "button", class: "danger", id: "confirm-delete", onClick: () => finish(true) },
          t("confirm.delete"),
        ),
      ),
    );
    element.addEventListener("cancel", () => resolve(false), { once: true });
    element.showModal();
    document.getElementById("confirm-cancel").focus();
  });
}

/**
 * Shows what happened to each id of a DeleteSegmentsPayload. `names` maps ids
 * to the names the user saw, for ids the server did not find.
 */
export function showDeleteResults(payload, names) {
  const element = dialog();
  const counts = { DELETED: 0, NOT_FOUND: 0, REFUSED: 0 };
  for (const result of payload.results) counts[result.status] += 1;
  return new Promise((resolve) => {
    replaceChildren(
      element,
      h("h2", { id: "dialog-title" }, t("result.title")),
      h(
        "p",
        {},
        t("result.summary", {
          deleted: counts.DELETED,
          notFound: counts.NOT_FOUND,
          refused: counts.REFUSED,
        }),
      ),
      h(
        "ul",
        { class: "delete-results" },
        payload.results.map((result) =>
          h(
            "li",
            {
              class: `result result-${result.status.toLowerCase()}`,
              dataset: { id: result.id, status: result.status },
            },
            h("span", { class: "result-status" }, t(`result.${result.status}`)),
            " ",
            h("strong", {}, result.name ?? names.get(result.id) ?? result.id),
            result.dependents.length
              ? h(
                  "span",
                  { class: "result-detail" },
                  t("result.dependents", {
                    names: result.dependents.map((d) => d.name).join(", "),
                  }),
                )
              : null,
            result.userErrors.map((error) => h("span", { class: "result-detail" }, error.message)),
          ),
        ),
      ),
      h(
        "div",
        { class: "dialog-actions" },
        h(
          "button",
          { type: "button", id: "result-close", onClick: () => element.close() },
          t("result.close"),
        ),
      ),
    );
    element.addEventListener("close", () => resolve(), { once: true });
    element.showModal();
    document.getElementById("result-close").focus();
  });
}
