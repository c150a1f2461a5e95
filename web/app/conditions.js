// The condition groups of the editor: OR between groups, AND inside one.
// Field, operator and value inputs are built from segmentFields alone.

import { h } from "./dom.js";
import { errorSlot } from "./errors.js";
import { language, t } from "./i18n.js";
import { emptyForm, formFromSaved, toApiValue } from "./forms.js";
import { renderValueInput } from "./values.js";

/** Returns the label of a field in the page language. */
export function fieldLabel(field) {
  return language() === "vi" ? field.labelVi : field.labelEn;
}

function operatorSpec(field, operator) {
  return field?.operators.find((spec) => spec.operator === operator) ?? null;
}

/** Returns a new condition on `field`, with its first operator. */
export function newCondition(field) {
  const spec = field.operators[0];
  return {
    field: field.key,
    operator: spec.operator,
    calendar: "GREGORIAN",
    form: emptyForm(spec.valueKind),
  };
}

/** Returns the editor's groups for the `conditionGroups` of a saved segment. */
export function groupsFromSaved(savedGroups, fieldsByKey) {
  return savedGroups.map((group) => ({
    conditions: group.conditions.map((condition) => {
      const spec = operatorSpec(fieldsByKey.get(condition.field), condition.operator);
      return {
        field: condition.field,
        operator: condition.operator,
        calendar: condition.calendar ?? "GREGORIAN",
        form: formFromSaved(spec?.valueKind ?? "NONE", condition.value),
      };
    }),
  }));
}

/** Returns the `[ConditionGroupInput!]!` of the editor's groups. */
export function groupsToInput(groups, fieldsByKey) {
  return groups.map((group) => ({
    conditions: group.conditions.map((condition) => {
      const spec = operatorSpec(fieldsByKey.get(condition.field), condition.operator);
      const input = {
        field: condition.field,
        operator: condition.operator,
        calendar: condition.calendar,
      };
      const value = spec ? toApiValue(spec.valueKind, condition.form) : null;
      if (value !== null) input.value = value;
      return input;
    }),
  }));
}

/** Returns whether every condition names a known operator and has the value it takes. */
export function groupsComplete(groups, fieldsByKey) {
  return groups.every((group) =>
    group.conditions.every((condition) => {
      const spec = operatorSpec(fieldsByKey.get(condition.field), condition.operator);
      return (
        spec !== null &&
        (spec.valueKind === "NONE" || toApiValue(spec.valueKind, condition.form) !== null)
      );
    }),
  );
}

function describedBy(control, slot) {
  for (const element of control.matches("input, select, textarea")
    ? [control]
    : control.querySelectorAll("input, select, textarea")) {
    element.setAttribute("aria-describedby", slot.id);
  }
  return control;
}

function fieldPicker(id, condition, fields) {
  const standard = fields.filter((field) => !field.isCustom && field.type !== "SEGMENT");
  const custom = fields.filter((field) => field.isCustom);
  const segment = fields.filter((field) => field.type === "SEGMENT");
  const option = (field) => h("option", { value: field.key }, fieldLabel(field));
  return h(
    "select",
    { id, value: condition.field },
    standard.map(option),
    custom.length ? h("optgroup", { label: t("editor.customFields") }, custom.map(option)) : null,
    segment.map(option),
  );
}

/**
 * Renders one condition row. `editor` provides the field catalog, the
 * segments for SEGMENT_ID and the callbacks: `changed(structural)` after an
 * edit, and `remove()`.
 */
function renderCondition(condition, groupIndex, conditionIndex, editor, remove) {
  const path = `conditionGroups.${groupIndex}.conditions.${conditionIndex}`;
  const idPrefix = `g${groupIndex}-c${conditionIndex}`;
  const field = editor.fieldsByKey.get(condition.field);
  const spec = operatorSpec(field, condition.operator);

  const fieldSlot = errorSlot(`${path}.field`);
  const fieldSelect = describedBy(
    fieldPicker(`${idPrefix}-field`, condition, editor.fields),
    fieldSlot,
  );
  fieldSelect.addEventListener("change", (event) => {
    Object.assign(condition, newCondition(editor.fieldsByKey.get(event.target.value)));
    editor.changed(true);
  });

  const operatorSlot = errorSlot(`${path}.operator`);
  const operatorSelect = describedBy(
    h(
      "select",
      { id: `${idPrefix}-operator`, value: condition.operator },
      (field?.operators ?? []).map((option) =>
        h("option", { value: option.operator }, t(`operator.${option.operator}`)),
      ),
    ),
    operatorSlot,
  );
  operatorSelect.addEventListener("change", (event) => {
    const next = operatorSpec(field, event.target.value);
    if (next.valueKind !== spec?.valueKind) condition.form = emptyForm(next.valueKind);
    if (!next.takesCalendar) condition.calendar = "GREGORIAN";
    condition.operator = next.operator;
    editor.changed(true);
  });

  const valueSlot = errorSlot(`${path}.value`);
  const valueInput = spec
    ? renderValueInput(
        spec.valueKind,
        condition.form,
        { field, operator: condition.operator, idPrefix, segments: editor.segmentChoices() },
        () => editor.changed(false),
      )
    : null;
  if (valueInput) describedBy(valueInput, valueSlot);

  let calendarPart = null;
  if (spec?.takesCalendar) {
    const calendarSlot = errorSlot(`${path}.calendar`);
    const calendarSelect = describedBy(
      h(
        "select",
        { id: `${idPrefix}-calendar`, value: condition.calendar },
        ["GREGORIAN", "LUNAR"].map((calendar) =>
          h("option", { value: calendar }, t(`calendar.${calendar}`)),
        ),
      ),
      calendarSlot,
    );
    calendarSelect.addEventListener("change", (event) => {
      condition.calendar = event.target.value;
      editor.changed(false);
    });
    calendarPart = h(
      "div",
      { class: "condition-part" },
      h("label", { for: calendarSelect.id }, t("editor.calendar")),
      calendarSelect,
      calendarSlot,
    );
  }

  return h(
    "li",
    { class: "condition", dataset: { path } },
    conditionIndex > 0 ? h("span", { class: "joiner joiner-and" }, t("editor.and")) : null,
    h(
      "div",
      { class: "condition-body" },
      h(
        "div",
        { class: "condition-part" },
        h("label", { for: fieldSelect.id }, t("editor.field")),
        fieldSelect,
        fieldSlot,
      ),
      h(
        "div",
        { class: "condition-part" },
        h("label", { for: operatorSelect.id }, t("editor.operator")),
        operatorSelect,
        operatorSlot,
      ),
      h("div", { class: "condition-part condition-value" }, valueInput, valueSlot),
      calendarPart,
      h(
        "button",
        {
          type: "button",
          class: "icon-button",
          id: `${idPrefix}-remove`,
          "aria-label": t("editor.removeCondition", {
            number: conditionIndex + 1,
            group: groupIndex + 1,
          }),
          title: t("editor.removeCondition", { number: conditionIndex + 1, group: groupIndex + 1 }),
          onClick: remove,
        },
        "×",
      ),
    ),
    errorSlot(path),
  );
}

/** Renders every group of `editor.groups` with the buttons that add and remove them. */
export function renderGroups(editor) {
  const groups = editor.groups;
  const parts = [];
  groups.forEach((group, groupIndex) => {
    if (groupIndex > 0) parts.push(h("p", { class: "joiner joiner-or" }, t("editor.or")));
    const legendId = `g${groupIndex}-legend`;
    parts.push(
      h(
        "fieldset",
        { class: "group", dataset: { group: groupIndex }, "aria-labelledby": legendId },
        h(
          "div",
          { class: "group-head" },
          h("legend", { id: legendId }, t("editor.group", { number: groupIndex + 1 })),
          h(
            "button",
            {
              type: "button",
              class: "link-button",
              id: `g${groupIndex}-remove`,
              onClick: () => {
                groups.splice(groupIndex, 1);
                editor.changed(
                  true,
                  groups.length ? `g${Math.max(0, groupIndex - 1)}-add` : "add-group",
                );
              },
            },
            t("editor.removeGroup", { number: groupIndex + 1 }),
          ),
        ),
        errorSlot(`conditionGroups.${groupIndex}`),
        h(
          "ol",
          { class: "condition-list" },
          group.conditions.map((condition, conditionIndex) =>
            renderCondition(condition, groupIndex, conditionIndex, editor, () => {
              group.conditions.splice(conditionIndex, 1);
              if (!group.conditions.length) groups.splice(groupIndex, 1);
              editor.changed(true, groups.includes(group) ? `g${groupIndex}-add` : "add-group");
            }),
          ),
        ),
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            id: `g${groupIndex}-add`,
            onClick: () => {
              group.conditions.push(newCondition(editor.fields[0]));
              editor.changed(true, `g${groupIndex}-c${group.conditions.length - 1}-field`);
            },
          },
          t("editor.addCondition"),
        ),
      ),
    );
  });
  return parts;
}
