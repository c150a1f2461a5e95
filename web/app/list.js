// The segment list: name, size, when it was counted, the default flag, a
// search box, and deleting one segment or the selected ones.

import { debounce, h, replaceChildren } from "./dom.js";
import { confirmDelete, showDeleteResults } from "./dialogs.js";
import { formatDateTime, formatNumber, t } from "./i18n.js";
import { request } from "./graphql.js";
import { DELETE_SEGMENT, DELETE_SEGMENTS, LIST_SEGMENTS } from "./queries.js";

const PAGE_SIZE = 50;

export class SegmentList {
  constructor(main, app) {
    this.main = main;
    this.app = app;
    this.search = "";
    this.segments = [];
    this.selected = new Set();
    this.sequence = 0;
    this.pageInfo = null;
    this.totalCount = 0;
    this.searchLater = debounce(() => this.load(), 300);
  }

  async open() {
    this.renderShell();
    await this.load();
  }

  renderShell() {
    this.searchInput = h("input", {
      id: "search",
      type: "search",
      value: this.search,
      "aria-describedby": "search-hint",
      autocomplete: "off",
      onInput: (event) => {
        this.search = event.target.value;
        this.searchLater();
      },
    });
    this.deleteSelectedButton = h("button", {
      type: "button",
      class: "danger",
      id: "delete-selected",
      onClick: () => this.deleteSelected(),
    });
    this.summary = h("p", { class: "muted", id: "list-summary", "aria-live": "polite" });
    this.table = h("div", { class: "table-wrap" });
    this.more = h("div", { class: "more" });
    replaceChildren(
      this.main,
      h(
        "div",
        { class: "list-head" },
        h("h2", { id: "page-heading", tabindex: -1 }, t("list.heading")),
        h("a", { class: "button", href: "#/new", id: "new-segment" }, t("list.new")),
      ),
      h(
        "div",
        { class: "list-tools" },
        h(
          "div",
          { class: "search" },
          h("label", { for: "search" }, t("list.search")),
          this.searchInput,
          h("small", { id: "search-hint", class: "muted" }, t("list.searchHint")),
        ),
        this.deleteSelectedButton,
      ),
      this.summary,
      this.table,
      this.more,
    );
    this.updateSelection();
  }

  /** Redraws the list in the new page language without reloading it. */
  relabel() {
    this.renderShell();
    if (this.pageInfo) this.renderRows();
  }

  async load({ append = false } = {}) {
    if (!append) this.summary.textContent = t("list.loading");
    const variables = {
      first: PAGE_SIZE,
      search: this.search.trim() || null,
      after: append ? this.pageInfo.endCursor : null,
    };
    // A slow response to an older search must not replace the response to a newer one.
    const sequence = ++this.sequence;
    let connection;
    try {
      connection = (await request(LIST_SEGMENTS, variables)).segments;
    } catch (error) {
      if (sequence === this.sequence) this.app.showError(error, () => this.load({ append }));
      return;
    }
    // The user may have left the list while the request ran.
    if (sequence !== this.sequence || this.app.view !== this) return;
    const nodes = connection.edges.map((edge) => edge.node);
    this.segments = append ? [...this.segments, ...nodes] : nodes;
    this.pageInfo = connection.pageInfo;
    this.totalCount = connection.totalCount;
    const shown = new Set(this.segments.map((segment) => segment.id));
    for (const id of this.selected) if (!shown.has(id)) this.selected.delete(id);
    this.renderRows();
  }

  renderRows() {
    this.summary.textContent =
      this.totalCount === 1
        ? t("list.totalOne")
        : t("list.total", { count: formatNumber(this.totalCount) });
    if (!this.segments.length) {
      replaceChildren(this.table, h("p", { class: "empty" }, t("list.empty")));
      replaceChildren(this.more);
      this.updateSelection();
      return;
    }
    this.selectAll = h("input", {
      type: "checkbox",
      id: "select-all",
      "aria-label": t("list.selectAll"),
      onChange: (event) => this.toggleAll(event.target.checked),
    });
    replaceChildren(
      this.table,
      h(
        "table",
        { class: "segments" },
        h("caption", { class: "visually-hidden" }, t("list.caption")),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col", class: "select-column" }, this.selectAll),
            h("th", { scope: "col" }, t("list.column.name")),
            h("th", { scope: "col", class: "number" }, t("list.column.size")),
            h("th", { scope: "col" }, t("list.column.countedAt")),
            h("th", { scope: "col" }, t("list.column.default")),
            h(
              "th",
              { scope: "col" },
              h("span", { class: "visually-hidden" }, t("list.column.actions")),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          this.segments.map((segment) => this.renderRow(segment)),
        ),
      ),
    );
    replaceChildren(
      this.more,
      this.pageInfo.hasNextPage
        ? h(
            "button",
            { type: "button", class: "secondary", onClick: () => this.load({ append: true }) },
            t("list.loadMore"),
          )
        : null,
    );
    this.updateSelection();
  }

  renderRow(segment) {
    return h(
      "tr",
      { dataset: { id: segment.id } },
      h(
        "td",
        { class: "select-column" },
        h("input", {
          type: "checkbox",
          class: "select-row",
          "aria-label": t("list.selectOne", { name: segment.name }),
          checked: this.selected.has(segment.id),
          onChange: (event) => {
            if (event.target.checked) this.selected.add(segment.id);
            else this.selected.delete(segment.id);
            this.updateSelection();
          },
        }),
      ),
      h(
        "th",
        { scope: "row", class: "segment-name" },
        h("a", { href: `#/segments/${encodeURIComponent(segment.id)}` }, segment.name),
      ),
      h(
        "td",
        { class: "number segment-size", dataset: { count: segment.customerCount } },
        formatNumber(segment.customerCount),
      ),
      h(
        "td",
        { class: "counted-at" },
        h("time", { datetime: segment.countedAt }, formatDateTime(segment.countedAt)),
      ),
      h(
        "td",
        {},
        segment.isDefault
          ? h("span", { class: "badge" }, t("list.isDefault"))
          : h("span", { class: "muted" }, t("list.notDefault")),
      ),
      h(
        "td",
        { class: "row-actions" },
        h(
          "a",
          {
            class: "button secondary small",
            href: `#/segments/${encodeURIComponent(segment.id)}`,
            "aria-label": t("list.editNamed", { name: segment.name }),
          },
          t("list.edit"),
        ),
        h(
          "button",
          {
            type: "button",
            class: "danger small",
            "aria-label": t("list.deleteNamed", { name: segment.name }),
            onClick: () => this.deleteOne(segment),
          },
          t("list.delete"),
        ),
      ),
    );
  }

  toggleAll(checked) {
    for (const segment of this.segments) {
      if (checked) this.selected.add(segment.id);
      else this.selected.delete(segment.id);
    }
    for (const box of this.table.querySelectorAll(".select-row")) box.checked = checked;
    this.updateSelection();
  }

  updateSelection() {
    const count = this.selected.size;
    this.deleteSelectedButton.textContent = t("list.deleteSelected", { count });
    this.deleteSelectedButton.disabled = count === 0;
    if (this.selectAll) {
      this.selectAll.checked = count > 0 && count === this.segments.length;
      this.selectAll.indeterminate = count > 0 && count < this.segments.length;
    }
  }

  async deleteOne(segment) {
    if (!(await confirmDelete([segment]))) return;
    await this.runDelete(DELETE_SEGMENT, { id: segment.id }, "deleteSegment", [segment]);
  }

  async deleteSelected() {
    const chosen = this.segments.filter((segment) => this.selected.has(segment.id));
    if (!chosen.length || !(await confirmDelete(chosen))) return;
    await this.runDelete(
      DELETE_SEGMENTS,
      { ids: chosen.map((segment) => segment.id) },
      "deleteSegments",
      chosen,
    );
  }

  async runDelete(mutation, variables, payloadName, chosen) {
    let payload;
    try {
      payload = (await request(mutation, variables))[payloadName];
    } catch (error) {
      this.app.showError(error);
      return;
    }
    for (const id of payload.deletedIds) this.selected.delete(id);
    await this.load();
    const names = new Map(chosen.map((segment) => [segment.id, segment.name]));
    if (chosen.length === 1 && payload.deletedIds.length === 1) {
      this.app.announce(t("list.deleted", { name: chosen[0].name }));
      document.getElementById("search")?.focus();
    } else {
      await showDeleteResults(payload, names);
      document.getElementById("search")?.focus();
    }
  }
}
