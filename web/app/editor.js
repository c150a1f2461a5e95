// The segment editor: name, condition groups, live preview, save with
// optimistic locking, and delete.

import { h, replaceChildren } from "./dom.js";
import { confirmDelete, showDeleteResults } from "./dialogs.js";
import { errorSlot, FormErrors } from "./errors.js";
import {
  groupsComplete,
  groupsFromSaved,
  groupsToInput,
  newCondition,
  renderGroups,
} from "./conditions.js";
import { t } from "./i18n.js";
import { request } from "./graphql.js";
import { Preview } from "./preview.js";
import { CREATE_SEGMENT, DELETE_SEGMENT, SEGMENT, UPDATE_SEGMENT } from "./queries.js";

export class SegmentEditor {
  /** `segmentId` is null for a new segment. */
  constructor(main, app, segmentId) {
    this.main = main;
    this.app = app;
    this.segmentId = segmentId;
    this.name = "";
    this.version = null;
    this.groups = [];
    this.errors = new FormErrors();
    this.fields = app.fields;
    this.fieldsByKey = new Map(app.fields.map((field) => [field.key, field]));
  }

  async open() {
    replaceChildren(
      this.main,
      h("p", { class: "muted" }, this.segmentId ? t("editor.loading") : t("app.loading")),
    );
    await this.app.loadSegmentChoices();
    if (this.segmentId) {
      const loaded = await this.load();
      if (!loaded) return;
    }
    // The user may have moved to another page while the requests ran.
    if (this.app.view !== this) return;
    this.errors = new FormErrors();
    if (!this.segmentId) {
      this.groups = [{ conditions: [newCondition(this.fields[0])] }];
    }
    this.render();
    document.getElementById("page-heading").focus();
    this.refreshPreview();
  }

  /** Reads the saved segment into the editor; returns false when it cannot be shown. */
  async load() {
    let segment;
    try {
      segment = (await request(SEGMENT, { id: this.segmentId })).segment;
    } catch (error) {
      this.app.showError(error, () => this.open());
      return false;
    }
    if (!segment) {
      replaceChildren(
        this.main,
        h("h2", { id: "page-heading", tabindex: -1 }, t("editor.editTitle")),
        h("p", { class: "error-line" }, t("editor.notFound")),
        h("a", { href: "#/" }, t("editor.back")),
      );
      return false;
    }
    this.name = segment.name;
    this.version = segment.version;
    this.groups = groupsFromSaved(segment.conditionGroups, this.fieldsByKey);
    return true;
  }

  /** Returns the segments an IN_SEGMENT condition may name: every one but this. */
  segmentChoices() {
    return this.app.segmentChoices.filter((segment) => segment.id !== this.segmentId);
  }

  render() {
    this.formError = errorSlot("");
    this.formError.removeAttribute("data-error-for");
    this.conflict = h("div", { class: "conflict", hidden: true, role: "alert" });
    this.groupsContainer = h("div", { class: "groups" });
    this.previewPanel = h("div", { class: "preview-body", id: "preview", "aria-live": "polite" });
    this.preview = new Preview(this.previewPanel, (errors) => this.errors.set("preview", errors));
    this.saveButton = h("button", { type: "submit", id: "save" }, t("editor.save"));

    const nameSlot = errorSlot("name");
    this.form = h(
      "form",
      {
        class: "editor",
        novalidate: true,
        onSubmit: (event) => {
          event.preventDefault();
          this.save();
        },
      },
      h(
        "div",
        { class: "editor-main" },
        h(
          "div",
          { class: "name-row" },
          h("label", { for: "segment-name" }, t("editor.name")),
          h("input", {
            id: "segment-name",
            type: "text",
            required: true,
            autocomplete: "off",
            value: this.name,
            "aria-describedby": nameSlot.id,
            onInput: (event) => {
              this.name = event.target.value;
              this.errors.dropSaved("input.name");
            },
          }),
          nameSlot,
        ),
        h(
          "section",
          { class: "conditions", "aria-labelledby": "conditions-heading" },
          h("h3", { id: "conditions-heading" }, t("editor.conditions")),
          h("p", { class: "muted" }, t("editor.rule")),
          errorSlot("conditionGroups"),
          this.groupsContainer,
          h(
            "button",
            {
              type: "button",
              class: "secondary",
              id: "add-group",
              onClick: () => {
                this.groups.push({ conditions: [newCondition(this.fields[0])] });
                this.changed(true, `g${this.groups.length - 1}-c0-field`);
              },
            },
            t("editor.addGroup"),
          ),
        ),
        this.conflict,
        this.formError,
        h(
          "div",
          { class: "editor-actions" },
          this.saveButton,
          h("a", { class: "button secondary", href: "#/" }, t("editor.cancel")),
          this.segmentId
            ? h(
                "button",
                {
                  type: "button",
                  class: "danger",
                  id: "delete-segment",
                  onClick: () => this.deleteSegment(),
                },
                t("editor.delete"),
              )
            : null,
        ),
      ),
      h(
        "aside",
        { class: "preview", "aria-labelledby": "preview-heading" },
        h("h3", { id: "preview-heading" }, t("preview.heading")),
        this.previewPanel,
      ),
    );

    replaceChildren(
      this.main,
      h(
        "div",
        { class: "editor-head" },
        h("a", { href: "#/", class: "back" }, `← ${t("editor.back")}`),
        h(
          "h2",
          { id: "page-heading", tabindex: -1 },
          this.segmentId ? t("editor.editTitle") : t("editor.newTitle"),
        ),
        this.version
          ? h(
              "span",
              { class: "muted", id: "segment-version" },
              t("editor.version", { version: this.version }),
            )
          : null,
      ),
      this.form,
    );
    this.renderGroups();
    this.errors.attach(this.form, this.formError);
  }

  /** Redraws the editor in the new page language, keeping unsaved edits. */
  relabel() {
    if (!this.form) return;
    this.render();
    this.refreshPreview();
  }

  renderGroups() {
    replaceChildren(this.groupsContainer, renderGroups(this));
  }

  /**
   * Runs after every edit of the rule. A structural change (a group, a
   * condition, a field or an operator) redraws the groups and moves focus to
   * `focusId`, or back to the control that had it.
   */
  changed(structural, focusId = null) {
    this.errors.dropSaved("input.conditionGroups");
    if (structural) {
      const previous = document.activeElement?.id;
      this.renderGroups();
      const target =
        document.getElementById(focusId ?? previous) ?? document.getElementById("add-group");
      target?.focus();
    }
    this.refreshPreview();
  }

  refreshPreview() {
    this.preview.update(
      groupsToInput(this.groups, this.fieldsByKey),
      groupsComplete(this.groups, this.fieldsByKey),
    );
  }

  async save() {
    this.saveButton.disabled = true;
    this.saveButton.textContent = t("editor.saving");
    this.conflict.hidden = true;
    const input = {
      name: this.name,
      conditionGroups: groupsToInput(this.groups, this.fieldsByKey),
    };
    let payload;
    try {
      payload = this.segmentId
        ? (
            await request(UPDATE_SEGMENT, {
              id: this.segmentId,
              input,
              expectedVersion: this.version,
            })
          ).updateSegment
        : (await request(CREATE_SEGMENT, { input })).createSegment;
    } catch (error) {
      this.app.showError(error);
      return;
    } finally {
      this.saveButton.disabled = false;
      this.saveButton.textContent = t("editor.save");
    }

    if (payload.userErrors.some((error) => error.code === "VERSION_CONFLICT")) {
      this.showConflict(payload.userErrors.find((error) => error.code === "VERSION_CONFLICT"));
      return;
    }
    this.errors.set("save", payload.userErrors);
    if (payload.userErrors.length) {
      this.form.querySelector("[aria-invalid]")?.focus();
      return;
    }

    const segment = payload.segment;
    const message = this.segmentId
      ? t("editor.saved", { name: segment.name })
      : t("editor.created", { name: segment.name });
    const warnings = payload.warnings.map((warning) => warning.message);
    this.app.announce(
      warnings.length ? `${message} ${t("editor.warningsSaved")} ${warnings.join(" ")}` : message,
    );
    this.app.invalidateSegmentChoices();
    if (this.segmentId) {
      this.version = segment.version;
      this.name = segment.name;
      this.render();
      document.getElementById("save").focus();
      this.refreshPreview();
    } else {
      location.hash = `#/segments/${encodeURIComponent(segment.id)}`;
    }
  }

  showConflict(error) {
    replaceChildren(
      this.conflict,
      h("p", {}, t("editor.conflict")),
      h("p", { class: "muted" }, error.message),
      h(
        "button",
        { type: "button", id: "reload-segment", onClick: () => this.open() },
        t("editor.reload"),
      ),
    );
    this.conflict.hidden = false;
    document.getElementById("reload-segment").focus();
  }

  async deleteSegment() {
    const segment = { id: this.segmentId, name: this.name };
    if (!(await confirmDelete([segment]))) return;
    let payload;
    try {
      payload = (await request(DELETE_SEGMENT, { id: this.segmentId })).deleteSegment;
    } catch (error) {
      this.app.showError(error);
      return;
    }
    this.app.invalidateSegmentChoices();
    if (payload.deletedIds.length) {
      this.app.announce(t("list.deleted", { name: segment.name }));
      location.hash = "#/";
    } else {
      await showDeleteResults(payload, new Map([[segment.id, segment.name]]));
    }
  }
}
