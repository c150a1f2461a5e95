// The live preview: after the rule stops changing for a moment, count the
// customers it matches, per group too, and list its warnings.

import { debounce, h, replaceChildren } from "./dom.js";
import { formatNumber, t } from "./i18n.js";
import { request } from "./graphql.js";
import { PREVIEW } from "./queries.js";

const DELAY_MS = 400;

export class Preview {
  /**
   * `panel` receives the counts. `onErrors(userErrors)` runs after every
   * response, so the editor can show them next to the inputs.
   */
  constructor(panel, onErrors) {
    this.panel = panel;
    this.onErrors = onErrors;
    this.sequence = 0;
    this.schedule = debounce((groups) => this.run(groups), DELAY_MS);
  }

  /**
   * Counts `groups` after the delay; a newer call replaces a pending one. An
   * incomplete rule is not sent, so a value the user has not typed yet is not
   * reported as an error.
   */
  update(groups, complete) {
    if (!groups.length || !complete) {
      this.schedule.cancel();
      this.sequence += 1;
      this.show(
        h("p", { class: "muted" }, groups.length ? t("preview.incomplete") : t("preview.idle")),
      );
      this.onErrors([]);
      return;
    }
    this.panel.setAttribute("aria-busy", "true");
    this.schedule(groups);
  }

  async run(groups) {
    // Responses can arrive out of order; only the latest request is shown.
    const sequence = ++this.sequence;
    this.show(h("p", { class: "muted" }, t("preview.counting")));
    let result;
    try {
      result = (await request(PREVIEW, { groups })).previewSegment;
    } catch (error) {
      if (sequence === this.sequence) this.show(h("p", { class: "error-line" }, error.message));
      return;
    }
    if (sequence !== this.sequence) return;

    this.onErrors(result.userErrors);
    if (result.userErrors.length) {
      this.show(h("p", { class: "muted" }, t("preview.invalid")));
      return;
    }
    const total =
      result.totalCount === 1
        ? t("preview.totalOne")
        : t("preview.total", { count: formatNumber(result.totalCount) });
    this.show(
      h("p", { class: "preview-total", dataset: { count: result.totalCount } }, total),
      h(
        "ul",
        { class: "preview-groups" },
        result.groupCounts.map((count, index) =>
          h(
            "li",
            { dataset: { count } },
            t("preview.group", { number: index + 1, count: formatNumber(count) }),
          ),
        ),
      ),
      result.warnings.length
        ? h(
            "div",
            { class: "warnings" },
            h("h4", {}, t("preview.warnings")),
            h(
              "ul",
              {},
              result.warnings.map((warning) =>
                h("li", { dataset: { code: warning.code } }, warning.message),
              ),
            ),
          )
        : null,
    );
  }

  show(...children) {
    this.panel.removeAttribute("aria-busy");
    replaceChildren(this.panel, ...children);
  }
}
